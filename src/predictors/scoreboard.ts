import { type IntervalStatistic, bootstrapIntervals } from './bootstrap.js';
import { versusFixedChoice } from './versusFixedChoice.js';
import { type GroupingScores, compareGroupings } from './groupings.js';
import { scoreHeldOut } from './heldOutScores.js';
import { meanGainElsewhere } from './meanGainElsewhere.js';
import type { PairSet, PairTruth } from './pairSet.js';
import { type PermutationPValues, TestedStatistics, type TestedStatistic, holmAdjusted, permutationTest } from './permutationTest.js';
import type { Predictor, PredictorInputs, Scorer } from './predictor.js';
import type { ScoreboardEntry, ScoreboardProtocol, ScoreboardRecord, ScoredEntry } from './scoreboardRecord.js';
import type { StudyCost } from './studyCost.js';

export interface ScoreboardOptions {
  permutations: number;
  /** Bootstrap resamples of the main tasks. */
  resamples: number;
  seed: number;
  /** Significance level of the verdict. */
  alpha: number;
  /** Numbers of groups to partition the tasks into (default 2 … min(4, tasks − 1)). */
  groups?: readonly number[];
  /** Called as the permutations of each predictor progress. */
  onProgress?: (progress: { predictor: string; index: number; predictors: number; permutation: number; permutations: number }) => void;
}

export const defaultScoreboardOptions: Omit<ScoreboardOptions, 'onProgress'> = {
  permutations: 1000,
  resamples: 1000,
  seed: 1,
  alpha: 0.05,
};

/** The study's truth the scoreboard scores against. */
export interface ScoreboardTruth {
  study: string;
  truth: PairTruth;
  label: string;
  excluded: ScoreboardRecord['truth']['excluded'];
  cost: StudyCost;
}

/**
 * Scores every predictor of `registry` against the study's gains under one protocol: held-out predictions
 * (fitted predictors never see the main task they predict), Spearman ρ, sign accuracy, regret@1 and top-1
 * precision with bootstrap intervals over main tasks, and a label-permutation p-value per tested statistic,
 * Holm-adjusted over the predictors. Then the task groupings each predictor with a neutral value would choose.
 */
export async function buildScoreboard(
  inputs: PredictorInputs,
  study: ScoreboardTruth,
  registry: readonly Predictor[],
  options: ScoreboardOptions,
): Promise<Omit<ScoreboardRecord, 'inputs' | 'createdAt'>> {
  const entries: ScoreboardEntry[] = [];
  const grouping: GroupingScores[] = [];
  for (const [index, predictor] of registry.entries()) {
    const about = {
      name: predictor.name,
      label: predictor.label,
      family: predictor.family,
      newTask: predictor.newTask,
      definition: predictor.definition,
    };
    const prepared = await predictor.prepare(inputs);
    if (prepared.status !== 'ok') {
      entries.push({ ...about, status: 'unavailable', reason: prepared.reason });
      continue;
    }
    const progress = (permutation: number): void =>
      options.onProgress?.({
        predictor: predictor.label,
        index,
        predictors: registry.length,
        permutation,
        permutations: options.permutations,
      });
    const entry = scoreEntry(prepared, alignedTruth(inputs.pairs, study.truth, prepared.pairs), study.cost, options, progress);
    entries.push({ ...about, ...entry });
    if (prepared.neutral !== null)
      grouping.push({
        name: predictor.name,
        pairs: prepared.pairs,
        scores: entry.predictions.map((p) => p.score),
        neutral: prepared.neutral,
      });
  }
  adjustPValues(entries);
  const tasks = inputs.pairs.tasks();
  return {
    format: 'taskrel-predictors/1' as const,
    study: study.study,
    protocol: scoreboardProtocol(options),
    truth: {
      tasks,
      pairs: inputs.pairs.size,
      mainTasks: inputs.pairs.groups.length,
      gained: study.truth.labels.filter((l) => l === 1).length,
      label: study.label,
      excluded: study.excluded,
      cost: study.cost,
    },
    predictors: entries,
    groupings: compareGroupings(
      tasks,
      { pairs: inputs.pairs, gains: study.truth.gains },
      grouping,
      options.groups ?? defaultGroupCounts(tasks.length),
      options.seed,
    ),
    notes: notes(inputs.pairs, study),
  };
}

/** 2 … min(4, n − 1) groups: one group is the single joint model and n groups no sharing at all. */
function defaultGroupCounts(n: number): number[] {
  const counts: number[] = [];
  for (let k = 2; k <= Math.min(4, n - 1); k++) counts.push(k);
  return counts;
}

type EntryScores = Omit<ScoredEntry, 'name' | 'label' | 'family' | 'newTask' | 'definition'>;

function scoreEntry(
  scorer: Scorer,
  truth: PairTruth,
  study: StudyCost,
  options: ScoreboardOptions,
  progress: (done: number) => void,
): EntryScores {
  const held = scorer.heldOut(truth);
  const scores = scoreHeldOut(scorer.pairs, truth, held);
  const fixed = meanGainElsewhere(scorer.pairs, truth.gains);
  const fixedScores = scoreHeldOut(scorer.pairs, truth, { scores: fixed, predicted: fixed.map((s): 0 | 1 => (s > 0 ? 1 : 0)) });
  const { cost } = scorer;
  const pValues = permutationTest(scorer, truth, scores, { ...options, onProgress: progress });
  return {
    status: 'ok',
    neutral: scorer.neutral,
    reliability: scorer.reliability,
    cost,
    costNote: scorer.costNote,
    ratio: { batches: cost.batches / study.batches, seconds: cost.seconds === null ? null : cost.seconds / study.seconds },
    predictions: scorer.pairs.pairs.map(({ main, aux }, i) => ({
      main,
      aux,
      score: held.scores[i],
      predicted: held.predicted[i],
      gain: truth.gains[i],
      label: truth.labels[i],
    })),
    scores,
    fixedRegret: fixedScores.regret,
    versusFixed: versusFixedChoice(scores.mains, fixedScores.mains, { resamples: options.resamples, seed: options.seed }),
    intervals: bootstrapIntervals(scorer.pairs, truth, held, { resamples: options.resamples, seed: options.seed }),
    pValues,
    adjustedPValues: pValues,
  };
}

/** The study's truth for the pairs a scorer covers (a subset of the study's pairs), in the scorer's order. */
function alignedTruth(all: PairSet, truth: PairTruth, subset: PairSet): PairTruth {
  const rows = subset.pairs.map(({ main, aux }) => {
    const row = all.rowOf(main, aux);
    if (row === undefined) throw new Error(`a predictor scored ${main}/${aux}, which is not a pair of the study`);
    return row;
  });
  return { gains: rows.map((i) => truth.gains[i]), labels: rows.map((i) => truth.labels[i]) };
}

/** Holm over the available predictors, one family per statistic. */
function adjustPValues(entries: ScoreboardEntry[]): void {
  const scored = entries.flatMap((e) => (e.status === 'ok' ? [e] : []));
  const adjusted = scored.map((): PermutationPValues => ({ accuracy: null, spearmanPerMain: null, regret: null }));
  for (const statistic of Object.keys(TestedStatistics) as TestedStatistic[]) {
    holmAdjusted(scored.map((e) => e.pValues[statistic])).forEach((p, i) => {
      adjusted[i][statistic] = p;
    });
  }
  scored.forEach((entry, i) => {
    entry.adjustedPValues = adjusted[i];
  });
}

function scoreboardProtocol(options: ScoreboardOptions): ScoreboardProtocol {
  const intervals: IntervalStatistic[] = ['spearman', 'spearmanPerMain', 'accuracy', 'regret', 'topOnePrecision'];
  return {
    permutations: options.permutations,
    resamples: options.resamples,
    seed: options.seed,
    alpha: options.alpha,
    description: [
      'Every score is held out: a predictor fitted on gains (the meta-models, the best mean gain, a fitted sign cut) predicts each main task from a fit on the other main tasks’ pairs only (leave-one-main-task-out), as it would a new task.',
      'Regret@1 per main task: the best measured gain among its auxiliary tasks minus the gain of the one the predictor ranks first (ties: their mean gain); averaged over main tasks, next to a random choice’s and the best fixed choice’s.',
      `Label-permutation test: the measured gains, with their labels, are shuffled ${options.permutations} times (seed ${options.seed}) and the whole protocol reruns, refits included; p = (1 + #{permuted at least as good}) / (1 + permutations), one-sided. Sign accuracy: shuffled over all pairs. Mean ρ per main task and regret@1: shuffled within each main task (each keeps its own gains, so a random choice is not made to look worse than it is). Holm-adjusted over the predictors, per statistic.`,
      `Intervals: 95 % percentile bootstrap over main tasks (${options.resamples} resamples, no refit) of ${intervals.join(', ')}.`,
    ],
  };
}

function notes(pairs: PairSet, study: ScoreboardTruth): string[] {
  const notes: string[] = [];
  if (pairs.groups.length < 5) {
    notes.push(`only ${pairs.groups.length} main tasks: held-out scores, bootstrap intervals and p-values over so few are rough`);
  }
  if (study.excluded.length > 0) {
    notes.push(`${study.excluded.length} pair(s) without a relative gain are left out (their main task did not learn alone in some seed)`);
  }
  return notes;
}
