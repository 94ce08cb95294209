import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGainMatrixSpec } from '../../../src/report/charts/gainMatrix.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { gainRow } from '../../features/gainRowFixture.js';
import { compileStrict, headlessView, rgb } from '../chartTesting.js';

const gains = [
  gainRow('pos', 'chunk', 0.12, { seeds: 3, pValue: 0.01, ciLow: 0.05, ciHigh: 0.19 }),
  gainRow('chunk', 'pos', -0.04, { seeds: 3, pValue: 0.2, ciLow: -0.1, ciHigh: 0.02 }),
  gainRow('pos', 'ner', 0.0, { seeds: 3, pValue: 0.9, ciLow: -0.01, ciHigh: 0.01 }),
];

test('gain matrix compiles without warnings; rows are main tasks, columns auxiliaries, both sorted with every task', () => {
  const spec = buildGainMatrixSpec(gains, { tasks: ['zeta', 'pos', 'chunk', 'ner'] });
  compileStrict(spec);
  const json = JSON.stringify(spec);
  assert.match(json, /"x":\{"field":"aux"/);
  assert.match(json, /"y":\{"field":"main"/);
  const encoding = (spec as { encoding?: unknown }).encoding as { x: { scale: { domain: string[] } }; y: { scale: { domain: string[] } } };
  assert.deepEqual(encoding.x.scale.domain, ['chunk', 'ner', 'pos', 'zeta']);
  assert.deepEqual(encoding.y.scale.domain, ['chunk', 'ner', 'pos', 'zeta']);
});

test('gain matrix colour diverges around 0 on a symmetric domain: blue gains, red losses, light neutral at 0', async () => {
  const view = await headlessView(buildGainMatrixSpec(gains));
  const color = view.scale('color') as ((value: number) => string) & { domain(): number[] };
  assert.deepEqual(color.domain(), [-0.12, 0, 0.12]);
  const zero = rgb(color(0));
  assert.ok(Math.min(...zero) > 230 && Math.max(...zero) - Math.min(...zero) < 10, `0 should be a light grey, got ${color(0)}`);
  const [rUp, , bUp] = rgb(color(0.1));
  assert.ok(bUp > rUp + 60, `a gain should be blue, got ${color(0.1)}`);
  const [rDown, , bDown] = rgb(color(-0.1));
  assert.ok(rDown > bDown + 60, `a loss should be red, got ${color(-0.1)}`);
  view.finalize();
});

test('cells show the signed gain; with several seeds a * marks p < alpha only', async () => {
  const svg = await renderFigureSvg(buildGainMatrixSpec(gains));
  assert.match(svg, />\+12\.0%\*</);
  assert.match(svg, />−4\.0%</);
  assert.doesNotMatch(svg, /−4\.0%\*/);
  assert.match(svg, />0\.0%</);
  assert.match(svg, /\* marks p &lt; 0\.05/);
  const strict = await renderFigureSvg(buildGainMatrixSpec(gains, { alpha: 0.005 }));
  assert.doesNotMatch(strict, /12\.0%\*/);
});

test('with one seed nothing is marked significant and the tooltip says the interval needs seeds', () => {
  const spec = buildGainMatrixSpec([gainRow('pos', 'chunk', 0.12, { pValue: 0.001 })]);
  const json = JSON.stringify(spec);
  assert.match(json, /"label":"\+12\.0%"/);
  assert.match(json, /"ci":"n\/a \(one seed\)"/);
  assert.doesNotMatch(json, /marks p/);
});

test('cell text turns white on cells darker than 55 % of the colour range, and every cell has the score tooltip', () => {
  const spec = buildGainMatrixSpec(gains);
  const json = JSON.stringify(spec);
  assert.ok(json.includes(`!datum.faded && datum.gain !== null && abs(datum.gain) > ${0.55 * 0.12}`));
  for (const field of ['singleF1', 'pairF1', 'ci', 'p', 'seeds']) assert.ok(json.includes(`{"field":"${field}"`), field);
});

test('with several seeds, cells that are not significant are faded; with one seed none is', async () => {
  const faded = (spec: ReturnType<typeof buildGainMatrixSpec>) =>
    JSON.parse(JSON.stringify(spec)).layer[1].data.values.map((c: { main: string; aux: string; faded: boolean }) => [
      `${c.main}<${c.aux}`,
      c.faded,
    ]);
  assert.deepEqual(faded(buildGainMatrixSpec(gains)), [
    ['pos<chunk', false],
    ['chunk<pos', true],
    ['pos<ner', true],
  ]);
  assert.deepEqual(faded(buildGainMatrixSpec([gainRow('pos', 'chunk', 0.12)])), [['pos<chunk', false]]);
  const svg = await renderFigureSvg(buildGainMatrixSpec(gains));
  assert.match(svg, /faded cells are not significant/);
  const opacities = [...svg.matchAll(/<path[^>]* opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(opacities.includes(0.3), `a faded cell should be drawn at opacity 0.3, got ${[...new Set(opacities)]}`);
});
