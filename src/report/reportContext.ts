import type { ViewsRecord } from '../features/modelViews/viewsRecord.js';
import type { PairRow } from '../features/pairRow.js';
import type { TaskFeatures } from '../features/taskFeatures.js';
import type { MetaReport } from '../meta/metaReport.js';
import type { RecommendationEvaluation } from '../meta/recommendationEvaluation.js';
import type { GainRow } from '../study/gainRow.js';
import type { RunResult } from '../study/runResult.js';
import type { StudySpec } from '../study/spec.js';
import type { TaskInfo } from './taskInfo.js';

export interface MissingTask {
  name: string;
  reason: string;
}

/** Everything a section may show, read once from the study folder. Later analyses are null until they ran. */
export interface ReportContext {
  /** The study folder, for sections that read files of their own. */
  studyDir: string;
  spec: StudySpec;
  /** The study's tasks in spec order. */
  tasks: TaskInfo[];
  /** Tasks of the spec that could not be loaded, with the reason; the report goes on without their details. */
  missingTasks: MissingTask[];
  runs: RunResult[];
  gains: GainRow[];
  features: TaskFeatures[] | null;
  pairs: PairRow[] | null;
  meta: MetaReport | null;
  /** replay.json: the ranking replayed on each task as if it were new (stored by taskrel analyze). */
  replay: RecommendationEvaluation | null;
  /** views.json: the model views (stored by taskrel analyze when the runs keep their records). */
  views: ViewsRecord | null;
  /** Files of the study folder offered for download (relative names such as `gains.csv`). */
  downloads: string[];
}
