import { mean } from 'simple-statistics';
import type { StudyModel } from './studyModels.js';
import { type ImportanceVariant, rankAgreement, wordImportances } from './wordImportance.js';

export type ModelPair = [StudyModel, StudyModel];

export const AgreementComparisons = ['same model', 'alone vs alone', 'alone vs joint'] as const;
/** The blog's kinds of comparison: a model against itself across seeds, two single-task models, a single-task and a joint model. */
export type AgreementComparison = (typeof AgreementComparisons)[number];

/** How alike two models rank their input words (`a === b`: one model against itself, across seeds). */
export interface AgreementRow {
  a: string;
  b: string;
  comparison: AgreementComparison;
  variant: ImportanceVariant;
  /** Mean, lowest and highest Spearman ρ over the compared pairs of runs; null when none could be compared. */
  rho: number | null;
  min: number | null;
  max: number | null;
  /** Pairs of runs compared: runs of different seeds only. */
  comparisons: number;
  /** Words ranked in each comparison (the fewest, when vocabularies differ). */
  words: number;
}

/**
 * The GumGum blog's comparisons, for each joint model A+B: A alone vs B alone, A alone vs A+B and B alone vs A+B
 * (each pair of models once); then every one of those models against itself, the reference: how reproducible its
 * ranking is at all.
 */
export function blogComparisons(models: readonly StudyModel[]): ModelPair[] {
  const singles = models.filter((m) => m.tasks.length === 1);
  const pairs = new Map<string, ModelPair>();
  for (const joint of models.filter((m) => m.tasks.length === 2)) {
    // In the study's task order (that of `models`), not the joint model's alphabetical one.
    const own = singles.filter((single) => joint.tasks.includes(single.tasks[0]));
    const candidates: ModelPair[] = own.map((single) => [single, joint]);
    if (own.length === 2) candidates.unshift([own[0], own[1]]);
    for (const [x, y] of candidates) pairs.set(`${x.name}|${y.name}`, [x, y]);
  }
  const compared = new Set([...pairs.values()].flat());
  return [...pairs.values(), ...models.filter((m) => compared.has(m)).map((m): ModelPair => [m, m])];
}

/**
 * Rank agreement of two models' input-word importances: Spearman ρ between runs of different seeds. Runs of one
 * seed start from the same initial weights (the seed fixes them, and with a study-wide vocabulary the input layer
 * has the same shape), which would make any two models look alike where training barely moved the weights.
 */
export function rankAgreements(pairs: readonly ModelPair[], variant: ImportanceVariant): AgreementRow[] {
  return pairs.map(([a, b]) => {
    const recorded = (model: StudyModel) =>
      model.runs.flatMap((run) =>
        run.inputImportance === undefined ? [] : [{ seed: run.seed, words: wordImportances(run.inputImportance, variant) }],
      );
    const [runsA, runsB] = [recorded(a), recorded(b)];
    const agreements = runsA.flatMap((x) =>
      runsB.filter((y) => (a === b ? x.seed < y.seed : x.seed !== y.seed)).map((y) => rankAgreement(x.words, y.words)),
    );
    const rhos = agreements.flatMap((agreement) => (agreement.rho === null ? [] : [agreement.rho]));
    const defined = rhos.length > 0;
    return {
      a: a.name,
      b: b.name,
      comparison: a === b ? 'same model' : a.tasks.length === 1 && b.tasks.length === 1 ? 'alone vs alone' : 'alone vs joint',
      variant,
      rho: defined ? mean(rhos) : null,
      min: defined ? Math.min(...rhos) : null,
      max: defined ? Math.max(...rhos) : null,
      comparisons: rhos.length,
      words: agreements.length === 0 ? 0 : Math.min(...agreements.map((agreement) => agreement.words)),
    };
  });
}
