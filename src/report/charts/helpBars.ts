import type { TopLevelSpec } from 'vega-lite';
import { formatGain } from '../format.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';
import type { HelpRole, HelpSummary } from './helpSummary.js';

const wording = {
  aux: {
    title: 'Which auxiliary tasks help most?',
    subtitle: 'Each task as the auxiliary: mean gain it brings to the other tasks, and in how many pairs it helps or hurts.',
    axis: 'auxiliary task',
    outcomes: ['helps', 'no clear effect', 'hurts'],
  },
  main: {
    title: 'Which main tasks are helped most?',
    subtitle: 'Each task as the main task: mean gain it gets from the other tasks, and how many of them help or hurt it.',
    axis: 'main task',
    outcomes: ['helped', 'no clear effect', 'hurt'],
  },
} as const;

/** Two bar panels sharing one task axis sorted by mean gain: mean gain (signed colour) and pair outcome counts. */
export function buildHelpBarsSpec(summary: HelpSummary[], role: HelpRole, significantOnly = false): TopLevelSpec {
  const words = wording[role];
  const [good, neutral, bad] = words.outcomes;
  const order = summary.map((s) => s.task);
  const maxPairs = Math.max(0, ...summary.map((s) => s.pairs));
  const means = summary.map((s) => ({ ...s, label: formatGain(s.meanGain) }));
  const outcomes = summary.flatMap((s) => [
    { task: s.task, outcome: good, count: s.gaining, rank: 0 },
    { task: s.task, outcome: neutral, count: s.pairs - s.gaining - s.losing, rank: 1 },
    { task: s.task, outcome: bad, count: s.losing, rank: 2 },
  ]);
  const y = { field: 'task', type: 'nominal', title: words.axis, sort: order } as const;
  const height = { step: 26 };
  const subtitle: string[] = [words.subtitle];
  if (significantOnly) subtitle.push('Only pairs with p < 0.05 over seeds count as helping or hurting.');
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: { text: words.title, subtitle },
    spacing: 24,
    hconcat: [
      {
        data: { values: means },
        width: 300,
        height,
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y,
              x: { field: 'meanGain', type: 'quantitative', title: 'mean relative gain', axis: { format: '+.1~%' } },
              tooltip: [
                { field: 'task', title: words.axis },
                { field: 'label', title: 'mean gain' },
                { field: 'pairs', title: 'pairs' },
              ],
              color: { condition: { test: 'datum.meanGain < 0', value: NEGATIVE_COLOR }, value: POSITIVE_COLOR },
            },
          },
          { mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: 0 } } },
        ],
      },
      {
        data: { values: outcomes },
        width: 240,
        height,
        mark: { type: 'bar' },
        encoding: {
          y: { ...y, axis: { labels: false, title: null, ticks: false } },
          x: { field: 'count', type: 'quantitative', title: 'pairs', stack: 'zero', axis: { values: range(maxPairs + 1), format: 'd' } },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: 'outcome',
            scale: { domain: [good, neutral, bad], range: [POSITIVE_COLOR, '#cccccc', NEGATIVE_COLOR] },
          },
          order: { field: 'rank' },
          tooltip: [{ field: 'task', title: words.axis }, { field: 'outcome' }, { field: 'count', title: 'pairs' }],
        },
      },
    ],
  };
}

/** 0, 1, …, n − 1: integer ticks for pair counts. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
