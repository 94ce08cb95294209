import { baselines } from '../../src/meta/baselines.js';
import { auxCandidates, recommendAux } from '../../src/meta/recommendAux.js';
import type { RecommendedAux, Recommendation } from '../../src/meta/recommendation.js';
import { evaluateRecommendations } from '../../src/meta/recommendationEvaluation.js';
import { syntheticPairs, syntheticTasks } from './syntheticPairs.js';

/** The meta-model settings of a default analysis: C = 1, taskrel's curve features. */
const ranking1 = { C: 1, curveFeatures: 'taskrel' } as const;

/**
 * A recommendation for synthetic task t5 against a study of t0…t4 (see syntheticPairs). With `verified`, the
 * top two pairs carry t5's true gains and the bottom one a failed run; otherwise nothing was trained.
 */
export function syntheticRecommendation(verified = true): Recommendation {
  const tasks = syntheticTasks();
  const pairs = syntheticPairs(tasks);
  const training = pairs.filter((p) => p.main !== 't5' && p.aux !== 't5');
  const ranking = recommendAux(training, auxCandidates(tasks[5], tasks.slice(0, 5)), ranking1);
  if (ranking.status !== 'ok') throw new Error(ranking.reason);
  const last = ranking.ranked.length;
  const measured = (r: (typeof ranking.ranked)[number]): RecommendedAux['verified'] => {
    if (!verified || (r.rank > 2 && r.rank < last)) return null;
    if (r.rank === last) return { status: 'unavailable', reason: 'the pair run failed: <out of memory>' };
    const truth = pairs.find((p) => p.main === 't5' && p.aux === r.aux);
    if (truth === undefined) throw new Error(`no pair t5/${r.aux}`);
    return { status: 'ok', gain: truth.gain, pValue: null, singleF1: 0.8, pairF1: 0.8 * (1 + truth.gain), seeds: 1, label: truth.label };
  };
  return {
    format: 'taskrel-recommendation/1',
    study: 'synthetic',
    task: { name: 't5', kind: 'tagging', description: 'a synthetic <task>', source: 'test/meta/syntheticPairs.ts', sizes: { train: 45, dev: 5, test: 5 }, singleF1: 0.8 },
    features: tasks[5],
    model: { ...ranking.model, trainingPairs: ranking.trainingPairs, dropped: ranking.dropped },
    ranking: ranking.ranked.map((r) => ({ ...r, verified: measured(r) })),
    trust: {
      leaveOneMainTaskOut: { status: 'ok', accuracy: 0.6, f1: 0.5 },
      baselines: baselines(training.map((p) => p.label)),
      heldOut: evaluateRecommendations(training, ranking1),
    },
    notes: ['a note with <markup>'],
  };
}
