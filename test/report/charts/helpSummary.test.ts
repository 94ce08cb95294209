import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeHelp } from '../../../src/report/charts/helpSummary.js';
import { gainRow } from '../../features/gainRowFixture.js';

// Gains are binary fractions so means are exact.
const gains = [
  gainRow('a', 'b', 0.125, { pValue: 0.01 }),
  gainRow('a', 'c', -0.25, { pValue: 0.3 }),
  gainRow('b', 'a', 0.375, { pValue: null }),
  gainRow('b', 'c', 0.0625, { pValue: 0.04 }),
  gainRow('c', 'a', 0, { pValue: 0.9 }),
  gainRow('c', 'b', -0.5, { pValue: 0.01 }),
];

test('per auxiliary: pairs, gaining and losing counts, mean gain, sorted by mean gain', () => {
  assert.deepEqual(summarizeHelp(gains, 'aux'), [
    { task: 'a', pairs: 2, gaining: 1, losing: 0, meanGain: 0.1875 },
    { task: 'c', pairs: 2, gaining: 1, losing: 1, meanGain: -0.09375 },
    { task: 'b', pairs: 2, gaining: 1, losing: 1, meanGain: -0.1875 },
  ]);
});

test('per main task, counting only pairs with p < alpha when asked (a pair without p-value never counts)', () => {
  assert.deepEqual(summarizeHelp(gains, 'main', { significantOnly: true }), [
    { task: 'b', pairs: 2, gaining: 1, losing: 0, meanGain: 0.21875 },
    { task: 'a', pairs: 2, gaining: 1, losing: 0, meanGain: -0.0625 },
    { task: 'c', pairs: 2, gaining: 0, losing: 1, meanGain: -0.25 },
  ]);
  const strict = summarizeHelp(gains, 'main', { significantOnly: true, alpha: 0.005 });
  assert.deepEqual(
    strict.map((s) => s.gaining + s.losing),
    [0, 0, 0],
  );
});

test('ties in mean gain are ordered by name', () => {
  const tied = summarizeHelp([gainRow('x', 'q', 0.125), gainRow('x', 'p', 0.125)], 'aux');
  assert.deepEqual(
    tied.map((s) => s.task),
    ['p', 'q'],
  );
});
