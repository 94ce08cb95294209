import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRecommendations, rankingAgreement } from '../../src/meta/recommendationEvaluation.js';
import { spearmanByHand } from './spearmanByHand.js';
import { syntheticPairs } from './syntheticPairs.js';

/** The meta-model settings of a default analysis: C = 1, taskrel's curve features. */
const ranking1 = { C: 1, curveFeatures: 'taskrel' } as const;

const entry = (probability: number, gain: number) => ({ probability, gain, label: (gain > 0 ? 1 : 0) as 0 | 1 });

test('agreement of a ranking with measured gains, checked by hand', () => {
  // P ranks 4 3 2 1, gain ranks 3 2 4 1: d = 1 1 −2 0, ρ = 1 − 6·6 / (4·15) = 0.4.
  const four = rankingAgreement([entry(0.9, 0.02), entry(0.7, -0.01), entry(0.5, 0.03), entry(0.3, -0.05)]);
  assert.equal(four.precisionAtOne, 1);
  assert.equal(four.randomPrecision, 0.5);
  assert.ok(four.spearman !== null && Math.abs(four.spearman - 0.4) < 1e-12);
  // Tied gains take mid-ranks 3.5 3.5 1.5 1.5: ρ = 4 / √(5 · 4) = 0.894427…
  const tied = rankingAgreement([entry(0.9, 0.01), entry(0.7, 0.01), entry(0.5, 0), entry(0.3, 0)]);
  assert.ok(tied.spearman !== null && Math.abs(tied.spearman - 4 / Math.sqrt(20)) < 1e-12);
  assert.equal(rankingAgreement([entry(0.9, -0.01), entry(0.1, 0.01), entry(0.05, 0.02)]).precisionAtOne, 0);
  assert.equal(rankingAgreement([entry(0.9, 0.01), entry(0.1, 0.02)]).spearman, null, 'two tasks say nothing about rank order');
  assert.equal(rankingAgreement([entry(0.5, 0.01), entry(0.5, 0.02), entry(0.5, 0.03)]).spearman, null, 'constant P(gain)');
});

test('each task is held out entirely: its own gains, as main or as auxiliary task, never move its ranking', () => {
  const pairs = syntheticPairs();
  const base = evaluateRecommendations(pairs, ranking1);
  const flipped = pairs.map((p) => (p.main === 't2' || p.aux === 't2' ? { ...p, gain: -p.gain, label: (1 - p.label) as 0 | 1 } : p));
  const changed = evaluateRecommendations(flipped, ranking1);
  const t2 = (e: typeof base) => e.tasks.find((t) => t.main === 't2');
  const [before, after] = [t2(base), t2(changed)];
  assert.ok(before?.status === 'ok' && after?.status === 'ok');
  assert.deepEqual(
    after.ranked.map((r) => [r.aux, r.probability]),
    before.ranked.map((r) => [r.aux, r.probability]),
  );
  assert.equal(after.precisionAtOne, 1 - before.precisionAtOne);
  assert.equal(after.trainingPairs, 20);
});

test('per-task scores follow from the ranking and the measured gains; the summary averages them', () => {
  const pairs = syntheticPairs();
  const evaluation = evaluateRecommendations(pairs, ranking1);
  assert.deepEqual(
    evaluation.tasks.map((t) => t.main),
    ['t0', 't1', 't2', 't3', 't4', 't5'],
  );
  const ok = evaluation.tasks.flatMap((t) => (t.status === 'ok' ? [t] : []));
  assert.equal(evaluation.evaluated, ok.length);
  for (const task of ok) {
    const own = pairs.filter((p) => p.main === task.main);
    assert.deepEqual(task.ranked.map((r) => r.aux).sort(), own.map((p) => p.aux).sort());
    for (const r of task.ranked) assert.equal(r.gain, own.find((p) => p.aux === r.aux)?.gain);
    assert.equal(task.precisionAtOne, task.ranked[0].label);
    assert.equal(task.randomPrecision, own.filter((p) => p.label === 1).length / own.length);
    const rho = spearmanByHand(
      task.ranked.map((r) => r.probability),
      task.ranked.map((r) => r.gain),
    );
    if (task.spearman === null) assert.ok(!Number.isFinite(rho));
    else assert.ok(Math.abs(task.spearman - rho) < 1e-12);
  }
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  assert.ok(Math.abs((evaluation.precisionAtOne ?? NaN) - mean(ok.map((t) => t.precisionAtOne))) < 1e-12);
  assert.ok(Math.abs((evaluation.randomPrecision ?? NaN) - mean(ok.map((t) => t.randomPrecision))) < 1e-12);
  const rhos = ok.flatMap((t) => (t.spearman === null ? [] : [t.spearman]));
  assert.equal(evaluation.spearmanTasks, rhos.length);
  assert.ok(Math.abs((evaluation.spearman ?? NaN) - mean(rhos)) < 1e-12);
});

test('a held-out task whose remaining pairs have one class is unavailable and left out of the means', () => {
  // Only pairs with t0 gain; without t0, every training pair is "no gain".
  const pairs = syntheticPairs().map((p) => ({ ...p, label: (p.main === 't0' || p.aux === 't0' ? 1 : 0) as 0 | 1 }));
  const evaluation = evaluateRecommendations(pairs, ranking1);
  assert.deepEqual(evaluation.tasks[0], {
    status: 'unavailable',
    main: 't0',
    reason: 'all 20 training pairs are "no gain": nothing to learn a ranking from',
  });
  assert.equal(evaluation.evaluated, 5);
  // Every other task's pairs with t0 as auxiliary gained, and nothing else did.
  for (const task of evaluation.tasks.slice(1)) assert.ok(task.status === 'ok' && task.randomPrecision === 1 / 5);
  assert.ok(Math.abs((evaluation.randomPrecision ?? NaN) - 0.2) < 1e-12);
});
