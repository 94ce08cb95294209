import { baselines } from '../../src/meta/baselines.js';
import { gainModelTrust, metaModelColumn, predictedGainColumn } from '../../src/meta/metaColumns.js';
import { rankedCells } from '../../src/meta/predictorColumn.js';
import { rankCandidates } from '../../src/meta/rankCandidates.js';
import { auxCandidates } from '../../src/meta/recommendAux.js';
import type { RecommendTask, RecommendedAux, Recommendation } from '../../src/meta/recommendation.js';
import { evaluateRecommendations } from '../../src/meta/recommendationEvaluation.js';
import { syntheticPairs, syntheticTasks } from './syntheticPairs.js';

const ranking1 = { C: 1, curveFeatures: 'taskrel' } as const;

const task = (name: string, train: number): RecommendTask => ({
  name,
  kind: 'tagging',
  description: `a synthetic <task> ${name}`,
  source: 'test/meta/syntheticPairs.ts',
  sizes: { train, dev: 5, test: 5 },
  singleF1: 0.8,
  seeds: 2,
  runs: 'recommend',
});

/**
 * A recommendation for synthetic task t5 against a study of t0…t4 (see syntheticPairs), its candidates given
 * as new tasks, with a second predictor column whose scores reverse the ranking. With `verified`, the top two
 * pairs carry t5's true gains and the bottom one a failed run; otherwise nothing was trained.
 */
export function syntheticRecommendation(verified = true): Recommendation {
  const tasks = syntheticTasks();
  const pairs = syntheticPairs(tasks);
  const training = pairs.filter((p) => p.main !== 't5' && p.aux !== 't5');
  const ranking = rankCandidates(training, 't5', auxCandidates(tasks[5], tasks.slice(0, 5)), ranking1);
  if (ranking.status !== 'ok') throw new Error(ranking.reason);
  const last = ranking.ranked.length;
  const measured = (r: (typeof ranking.ranked)[number]): RecommendedAux['verified'] => {
    if (!verified || (r.rank > 2 && r.rank < last)) return null;
    if (r.rank === last) return { status: 'unavailable', reason: 'the pair run failed: <out of memory>' };
    const truth = pairs.find((p) => p.main === 't5' && p.aux === r.aux);
    if (truth === undefined) throw new Error(`no pair t5/${r.aux}`);
    return {
      status: 'ok',
      gain: truth.gain,
      ciLow: null,
      ciHigh: null,
      pValue: null,
      singleF1: 0.8,
      pairF1: 0.8 * (1 + truth.gain),
      seeds: 1,
      label: truth.label,
    };
  };
  const check = ranking.gainModel?.check ?? null;
  const trust = {
    status: 'ok' as const,
    source: 'test',
    measure: 'precision of the top-ranked auxiliary task',
    value: 0.8,
    chance: 0.5,
    statement: 'a trust <statement>',
  };
  return {
    format: 'taskrel-recommendation/2',
    knowledge: {
      study: 'synthetic',
      folder: '/studies/synthetic',
      shipped: false,
      tasks: 5,
      pairs: training.length,
      trainRange: { min: 1.5, max: 7.5 },
    },
    candidatesFrom: 'given',
    main: task('t5', tasks[5].values.sentences ?? 0),
    candidates: tasks.slice(0, 5).map((t) => task(t.task, t.values.sentences ?? 0)),
    features: tasks,
    model: { ...ranking.model, trainingPairs: ranking.trainingPairs, dropped: ranking.dropped, leftOut: null },
    gainModel: ranking.gainModel,
    ranking: ranking.ranked.map((r) => ({
      ...r,
      predictedGain: ranking.predicted.get(r.aux) ?? null,
      measuredInStudy: null,
      verified: measured(r),
    })),
    predictors: [
      metaModelColumn(ranking.ranked, trust),
      predictedGainColumn(ranking.ranked, ranking.predicted, check, gainModelTrust(check)),
      {
        id: 'reverse',
        label: 'reverse',
        about: 'the ranking upside down',
        format: 'score',
        show: 'rank',
        cells: rankedCells(ranking.ranked.map((r) => ({ aux: r.aux, score: r.rank }))),
        trust: { status: 'unavailable', reason: 'not <scored>' },
      },
    ],
    trust: {
      leaveOneMainTaskOut: { status: 'ok', accuracy: 0.6, f1: 0.5 },
      baselines: baselines(training.map((p) => p.label)),
      heldOut: evaluateRecommendations(training, ranking1),
    },
    outsideRange: ranking.outside,
    notes: ['a note with <markup>'],
    cost: {
      seeds: [1, 2],
      singles: { runs: 12, trained: 10, runSeconds: 245 },
      predictors: [],
      verification: verified ? { runs: 8, trained: 8, runSeconds: 400, seeds: [1, 2] } : null,
      wallSeconds: 290,
    },
  };
}
