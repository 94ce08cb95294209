import assert from 'node:assert/strict';
import { test } from 'node:test';
import { curvesSection } from '../../../src/report/sections/curvesSection.js';
import { downloadsSection } from '../../../src/report/sections/downloadsSection.js';
import { featuresSection } from '../../../src/report/sections/featuresSection.js';
import { gainsSection } from '../../../src/report/sections/gainsSection.js';
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
  assert.deepEqual(rendered?.charts.map((c) => [c.id, c.figure]), [['gain-matrix', true], ['gain-intervals', true]]);
  assert.match(rendered?.html ?? '', /1 of 2 directed pairs gain\./);
  assert.match(rendered?.html ?? '', /The largest gain is \+3\.8% \(main chunk, auxiliary pos\)/);
  assert.match(rendered?.html ?? '', /means over 2 seeds/);
});

test('help and curve sections: one chart per role, the curves chart interactive and without a static figure', () => {
  assert.deepEqual(helpSection.render(tinyContext())?.charts.map((c) => c.id), ['helps-aux', 'helps-main']);
  assert.deepEqual(curvesSection.render(tinyContext())?.charts.map((c) => [c.id, c.figure]), [['learning-curves', false]]);
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
