import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHelpBarsSpec } from '../../../src/report/charts/helpBars.js';
import type { HelpSummary } from '../../../src/report/charts/helpSummary.js';
import { renderFigureSvg } from '../../../src/report/staticFigure.js';
import { compileStrict } from '../chartTesting.js';

const summary: HelpSummary[] = [
  { task: 'pos', pairs: 3, gaining: 3, losing: 0, meanGain: 0.04 },
  { task: 'chunk', pairs: 3, gaining: 1, losing: 1, meanGain: 0.01 },
  { task: 'sentiment', pairs: 3, gaining: 0, losing: 2, meanGain: -0.02 },
];

test('help bars compile without warnings for both roles, with the role in title and axis', () => {
  for (const role of ['aux', 'main'] as const) {
    const spec = buildHelpBarsSpec(summary, role);
    compileStrict(spec);
    const json = JSON.stringify(spec);
    assert.match(json, role === 'aux' ? /Which auxiliary tasks help most\?/ : /Which main tasks are helped most\?/);
    assert.match(json, role === 'aux' ? /"title":"auxiliary task"/ : /"title":"main task"/);
  }
});

test('both panels keep the summary order (best first) and counts split into helps / no clear effect / hurts', () => {
  const spec = buildHelpBarsSpec(summary, 'aux') as { hconcat: { data: { values: Record<string, unknown>[] } }[] };
  const json = JSON.stringify(spec);
  assert.equal(json.match(/"sort":\["pos","chunk","sentiment"\]/g)?.length, 2);
  const outcomes = spec.hconcat[1].data.values.filter((v) => v.task === 'chunk');
  assert.deepEqual(
    outcomes.map((v) => [v.outcome, v.count]),
    [
      ['helps', 1],
      ['no clear effect', 1],
      ['hurts', 1],
    ],
  );
});

test('mean-gain bars are blue for gains and red for losses; the count axis has whole-number ticks', async () => {
  const svg = await renderFigureSvg(buildHelpBarsSpec(summary, 'aux'));
  const fills = [...svg.matchAll(/aria-label="mean relative gain: ([^;]+); auxiliary task: (\w+)[^"]*"[^>]*fill="(#[0-9a-f]+)"/g)];
  assert.deepEqual(
    fills.map((m) => [m[2], m[3]]),
    [
      ['pos', '#2166ac'],
      ['chunk', '#2166ac'],
      ['sentiment', '#b2182b'],
    ],
  );
  assert.match(svg, />\+4%</);
  assert.doesNotMatch(svg, />0\.5</);
  assert.match(svg, />3</);
});
