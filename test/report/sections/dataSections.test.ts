import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curvesSection } from '../../../src/report/sections/curvesSection.js';
import { downloadsSection } from '../../../src/report/sections/downloadsSection.js';
import { featuresSection } from '../../../src/report/sections/featuresSection.js';
import { gainsSection } from '../../../src/report/sections/gainsSection.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { computeGains } from '../../../src/study/gains.js';
import { head, run } from '../runFixtures.js';
import { helpSection } from '../../../src/report/sections/helpSection.js';
import { tinyContext } from '../contextFixture.js';

test('sections without their data are left out of the page', () => {
  const empty = { ...tinyContext(), runs: [], gains: [], features: null, downloads: [] };
  for (const section of [gainsSection, helpSection, curvesSection, featuresSection, downloadsSection]) {
    assert.equal(section.render(empty), null, section.id);
  }
});

test('gain section: the matrix as a figure, and a lead that counts gaining pairs and names the best one', () => {
  const rendered = gainsSection.render(tinyContext());
  assert.deepEqual(
    rendered?.charts.map((c) => [c.id, c.figure]),
    [
      ['gain-matrix', true],
      ['gain-intervals', true],
    ],
  );
  assert.match(rendered?.html ?? '', /1 of 2 directed pairs score higher than the main task alone\./);
  assert.match(rendered?.html ?? '', /The largest relative gain is \+3\.8% \(main chunk, auxiliary pos\)/);
  assert.match(rendered?.html ?? '', /means over 2 seeds/);
  assert.doesNotMatch(rendered?.html ?? '', /Runs to doubt/);
});

test('gain section of a study with a degenerate seed: the run is listed, its pairs flagged, no percentage over it', async () => {
  // chunk alone did not learn in seed 1 (test F1 0.01); pos and the pair runs are fine.
  const curve: [number, number][] = [
    [10, 2],
    [30, 1],
  ];
  const dev: [number, number][] = [
    [10, 0.5],
    [30, 0.8],
  ];
  const runs = [1, 2].flatMap((seed) => [
    run('single', seed, { chunk: head(curve, dev, seed === 1 ? 0.01 : 0.8) }),
    run('single', seed, { pos: head(curve, dev, 0.9) }),
    run('pair', seed, { chunk: head(curve, dev, 0.82), pos: head(curve, dev, 0.89) }),
  ]);
  const gains = computeGains(runs, ['chunk', 'pos']).rows;
  const rendered = gainsSection.render({ ...tinyContext(), runs, gains });
  assert.ok(rendered !== null);
  const { html } = rendered;
  assert.match(html, /1 pair\(s\) show the absolute score difference instead: their main task did not learn alone\./);
  assert.match(html, /<h3>Runs to doubt<\/h3>/);
  assert.match(
    html,
    /<td class="name">single--chunk--s1<\/td><td>chunk<\/td><td class="num">1<\/td><td class="num">0\.010<\/td>.*did not learn/,
  );
  assert.match(html, /No seed is dropped|no seed is dropped/);
  const svg = await renderFigureSvg(rendered.charts[0].spec);
  // chunk with pos: (0.82 − 0.01 + 0.82 − 0.8) / 2 = +0.415 absolute, flagged; pos with chunk keeps its percentage
  assert.match(svg, />Δ\+0\.415!</);
  assert.doesNotMatch(svg, /[0-9]{3,}\.[0-9]%/, 'no huge percentage anywhere');
  assert.match(svg, />−1\.1%\*</, 'pos with chunk keeps its percentage');
});

test('help and curve sections: one chart per role, the curves chart interactive and without a static figure', () => {
  assert.deepEqual(
    helpSection.render(tinyContext())?.charts.map((c) => c.id),
    ['helps-aux', 'helps-main'],
  );
  assert.deepEqual(
    curvesSection.render(tinyContext())?.charts.map((c) => [c.id, c.figure]),
    [['learning-curves', false]],
  );
});

test('feature table: one row per feature, one column per task, reasons for missing values on hover', () => {
  const html = featuresSection.render(tinyContext())?.html ?? '';
  assert.match(html, /<th>feature<\/th><th>from<\/th><th class="num">chunk<\/th><th class="num">pos<\/th>/);
  assert.match(html, /<tr><td>sentences<\/td><td>dataset<\/td><td class="num">1,200<\/td><td class="num">1,200<\/td><\/tr>/);
  assert.match(html, /<td class="num">0\.0312<\/td>/);
  assert.match(html, /<td class="num" title="log fit did not converge">—<\/td>/);
  assert.match(html, /<td class="num" title="not computed">—<\/td>/);
  assert.match(html, /title="1 of 2 curves fitted; seed 2: did not converge">partial</);
});

test('downloads link relative to the report, escaped and URL-encoded', () => {
  const html = downloadsSection.render({ ...tinyContext(), downloads: ['gains.csv', 'odd name&.csv'] })?.html ?? '';
  assert.match(html, /<a href="gains\.csv" download>gains\.csv<\/a> — one row per directed pair/);
  assert.match(html, /<a href="odd%20name&#38;\.csv" download>odd name&#38;\.csv<\/a><\/li>/);
});
