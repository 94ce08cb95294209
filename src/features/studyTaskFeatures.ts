import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../shared/csv.js';
import type { RunResult } from '../study/runResult.js';
import type { StudySpec } from '../study/spec.js';
import { taskRefName } from '../study/taskRef.js';
import { studySamples } from '../study/trainSample.js';
import { curveFeatures } from './curve/curveFeatures.js';
import { type DatasetSource, loadedDatasetSource, tableDatasetSource } from './datasetSource.js';
import { ImportFiles } from './import/importFormat.js';
import { readTaskFeaturesCsv } from './import/readTaskFeaturesCsv.js';
import { taskFeatureRecord } from './taskFeatureRecord.js';
import type { CurveFeatureMode, TaskFeatures } from './taskFeatures.js';

/**
 * Where a study's dataset features come from: the study folder's task_features.csv when an import gave one,
 * else the study's tasks themselves (as its runs see them: the mean over the seeds' samples of a capped task).
 */
export async function studyDatasetSource(dir: string, spec: StudySpec, onPrepare?: (task: string) => void): Promise<DatasetSource> {
  const file = join(dir, ImportFiles.taskFeatures);
  if (!existsSync(file)) {
    return loadedDatasetSource(spec.tasks, onPrepare, (task) => studySamples(task, spec.trainSentences[task.name], spec.seeds));
  }
  const table = readTaskFeaturesCsv(await readCsv(file), new Set(spec.tasks.map(taskRefName)));
  return tableDatasetSource(table, `not given in ${ImportFiles.taskFeatures}`);
}

/**
 * Features of each task: dataset features from `source`, curve features in `mode` from the task's single-task
 * runs (every seed's curve).
 */
export async function studyTaskFeatures(
  tasks: readonly string[],
  runs: readonly RunResult[],
  source: DatasetSource,
  mode: CurveFeatureMode,
): Promise<TaskFeatures[]> {
  const features: TaskFeatures[] = [];
  for (const task of tasks) {
    const singles = runs.filter((run) => run.kind === 'single' && run.tasks[0] === task).sort((a, b) => a.seed - b.seed);
    const curves = singles.map((run) => run.heads[task].curve).filter((curve) => curve.step.length > 0);
    features.push(taskFeatureRecord(task, await source(task), curveFeatures(curves, mode)));
  }
  return features;
}
