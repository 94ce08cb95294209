import { gloveWords } from '../data/wordVectors.js';
import { TaskrelError } from '../errors.js';
import { isExternal, type TaskRef, taskRefName } from '../study/taskRef.js';
import { loadTask } from '../tasks/loadTask.js';
import type { Task } from '../tasks/task.js';
import { type DatasetFeatureResult, datasetFeatures } from './dataset/datasetFeatures.js';
import { absentDatasetFeatures } from './taskFeatureRecord.js';
import type { DatasetFeatureName } from './taskFeatures.js';

/** Where a task's dataset features come from: its loaded data, a table given at import, or nowhere. */
export type DatasetSource = (task: string) => Promise<DatasetFeatureResult>;

/**
 * Computes dataset features from the tasks' data (built-in names or file-declared specs) and the GloVe
 * vocabulary; for a task trained on samples of its training split (`samples`, one per seed), their mean. An imported task, whose data is elsewhere, or one that cannot be loaded gets its features marked
 * absent with the reason; so does the OOV rate when the word vectors cannot be read.
 */
export function loadedDatasetSource(
  refs: readonly TaskRef[],
  onPrepare?: (task: string) => void,
  samples: (task: Task) => Task[] = (task) => [task],
): DatasetSource {
  let vocabulary: Promise<ReadonlySet<string> | string> | undefined;
  const glove = () => {
    vocabulary ??= gloveWords().catch((error: unknown) => {
      if (error instanceof TaskrelError) return error.message;
      throw error;
    });
    return vocabulary;
  };
  return async (name) => {
    const ref = refs.find((r) => taskRefName(r) === name) ?? name;
    if (isExternal(ref)) {
      return absentDatasetFeatures('imported task: its data is not here (task_features.csv can give them)');
    }
    let task: Task;
    try {
      task = await loadTask(ref, { onPrepare });
    } catch (error) {
      if (error instanceof TaskrelError) return absentDatasetFeatures(`task data not available: ${error.message}`);
      throw error;
    }
    const words = await glove();
    const result = meanFeatures(samples(task).map((sample) => datasetFeatures(sample, typeof words === 'string' ? undefined : words)));
    if (typeof words === 'string') result.missing.oov_rate = `word vectors not available: ${words}`;
    return result;
  };
}

/** The mean of each feature over several samples of a task; a feature missing in any sample is missing. */
function meanFeatures(results: readonly DatasetFeatureResult[]): DatasetFeatureResult {
  if (results.length === 1) return results[0] as DatasetFeatureResult;
  const mean: DatasetFeatureResult = { values: {}, missing: {} };
  for (const result of results) Object.assign(mean.missing, result.missing);
  for (const name of Object.keys(results[0]?.values ?? {}) as DatasetFeatureName[]) {
    if (mean.missing[name] === undefined) mean.values[name] = results.reduce((sum, r) => sum + (r.values[name] ?? 0), 0) / results.length;
  }
  return mean;
}

/** Dataset features given as a table (task_features.csv of an import): what a task lacks is absent. */
export function tableDatasetSource(
  table: ReadonlyMap<string, Partial<Record<DatasetFeatureName, number>>>,
  absentReason: string,
): DatasetSource {
  return async (name) => {
    const given = table.get(name) ?? {};
    const result = absentDatasetFeatures(absentReason);
    for (const [feature, value] of Object.entries(given) as [DatasetFeatureName, number][]) {
      result.values[feature] = value;
      delete result.missing[feature];
    }
    return result;
  };
}
