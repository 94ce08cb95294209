import type { RunResult } from '../../study/runResult.js';
import { type ModelViews, modelViews } from './modelViews.js';
import { type SharedLayerComparison, sharedLayerComparisons } from './transferTable.js';
import { type AgreementMean, type SharedLayerSummary, agreementMeans, sharedLayerSummary } from './viewsSummary.js';

/** views.json: the model views as the analysis computed them from the runs' records, for the report to render. */
export interface ViewsRecord extends ModelViews {
  /** The blog's reading of view 3; null without transfer records. */
  sharedLayer: SharedLayerComparison[] | null;
  /** View 2's agreements summarised by kind of comparison; null without importance records. */
  agreementMeans: AgreementMean[] | null;
  sharedLayerSummary: SharedLayerSummary | null;
}

/** Whether some run kept the records views 2 and 3 need (`records` in the study spec); without them there are no views to store. */
export function hasViewRecords(runs: readonly RunResult[]): boolean {
  return runs.some((run) => run.inputImportance !== undefined || Object.values(run.heads).some((head) => head.best.transfer !== undefined));
}

/** The views of a study's models, or null when no run kept their records. */
export function viewsRecord(runs: readonly RunResult[], tasks: readonly string[]): ViewsRecord | null {
  if (!hasViewRecords(runs)) return null;
  const views = modelViews(runs, tasks);
  const sharedLayer = views.transfer === null ? null : sharedLayerComparisons(views.transfer);
  return {
    ...views,
    sharedLayer,
    agreementMeans: views.importance === null ? null : agreementMeans(views.importance),
    sharedLayerSummary: sharedLayer === null ? null : sharedLayerSummary(sharedLayer),
  };
}
