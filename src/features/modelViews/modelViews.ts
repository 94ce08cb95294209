import type { RunResult } from '../../study/runResult.js';
import { type AgreementRow, blogComparisons, rankAgreements } from './rankAgreements.js';
import { type ModelImportance, modelImportance } from './modelImportance.js';
import { type ScoreRow, scoreComparison } from './scoreComparison.js';
import { studyModels } from './studyModels.js';
import { type TransferCell, transferTable } from './transferTable.js';
import { type ImportanceVariant, ImportanceVariants } from './wordImportance.js';

/** View 2 for one way of reading importance. */
export interface ImportanceView {
  variant: ImportanceVariant;
  /** Every model whose runs recorded importance. */
  models: ModelImportance[];
  agreements: AgreementRow[];
}

/**
 * The GumGum blog's three views of a study's models: (1) each task's score alone and in joint models, (2) which
 * input words the hidden layer weighs most and how alike models rank them, (3) each task's test set through other
 * tasks' heads. Views 2 and 3 need the runs' optional records (`records` in the study spec) and are null without.
 */
export interface ModelViews {
  scores: ScoreRow[];
  importance: ImportanceView[] | null;
  transfer: TransferCell[] | null;
}

export function modelViews(runs: readonly RunResult[], tasks: readonly string[]): ModelViews {
  const models = studyModels(runs, tasks);
  const withImportance = runs.some((run) => run.inputImportance !== undefined);
  const withTransfer = runs.some((run) => Object.values(run.heads).some((head) => head.best.transfer !== undefined));
  const comparisons = blogComparisons(models.filter((m) => m.runs.some((run) => run.inputImportance !== undefined)));
  return {
    scores: scoreComparison(runs, tasks),
    importance: withImportance
      ? ImportanceVariants.map((variant) => ({
          variant,
          models: models.flatMap((model) => modelImportance(model, variant) ?? []),
          agreements: rankAgreements(comparisons, variant),
        }))
      : null,
    transfer: withTransfer ? transferTable(runs, tasks) : null,
  };
}
