import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGainIntervalsSpec } from '../../../src/report/charts/gainIntervals.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { gainRow } from '../../features/gainRowFixture.js';
import { compileStrict } from '../chartTesting.js';

const gains = [
  gainRow('pos', 'chunk', 0.12, { seeds: 3, pValue: 0.01, ciLow: 0.05, ciHigh: 0.19 }),
  gainRow('pos', 'ner', 0.01, { seeds: 3, pValue: 0.6, ciLow: -0.03, ciHigh: 0.05 }),
  gainRow('chunk', 'pos', -0.04, { seeds: 3, pValue: 0.02, ciLow: -0.07, ciHigh: -0.01 }),
  gainRow('ner', 'pos', 0.3),
];

test('one panel per main task with an interval; each gain is classed as a significant gain, loss, or neither', () => {
  const spec = buildGainIntervalsSpec(gains);
  compileStrict(spec);
  const json = JSON.parse(JSON.stringify(spec));
  assert.deepEqual(
    json.concat.map((panel: { title: { text: string } }) => panel.title.text),
    ['main: chunk', 'main: pos'],
  );
  const outcomes = json.data.values.map((v: { main: string; aux: string; outcome: string }) => `${v.main}<${v.aux}: ${v.outcome}`);
  assert.deepEqual(outcomes, ['pos<chunk: gains', 'pos<ner: not significant', 'chunk<pos: loses']);
  assert.equal(
    buildGainIntervalsSpec(gains, 0.005).data && JSON.stringify(buildGainIntervalsSpec(gains, 0.005)).includes('"outcome":"gains"'),
    false,
  );
});

test('the figure draws the intervals and says what the colours mean', async () => {
  const svg = await renderFigureSvg(buildGainIntervalsSpec(gains));
  assert.match(svg, /main: pos/);
  assert.match(svg, /Blue: significant gain, red: significant loss \(p &lt; 0\.05\)/);
  assert.match(svg, /relative gain \(95 % interval\)/);
});
