import { inputError } from '../../errors.js';
import { CsvColumns } from '../../shared/csvColumns.js';
import type { CsvTable } from '../../shared/csv.js';
import { type DatasetFeatureName, DatasetFeatureNames } from '../taskFeatures.js';
import { TaskFeaturesColumns } from './importFormat.js';

export type DatasetFeatureTable = Map<string, Partial<Record<DatasetFeatureName, number>>>;

/**
 * task_features.csv: dataset features given by the user, one (task, feature, value) per line. Only dataset
 * features: curve features always come from the curves. `tasks` are the imported tasks (catches typos).
 */
export function readTaskFeaturesCsv(table: CsvTable, tasks: ReadonlySet<string>): DatasetFeatureTable {
  const columns = new CsvColumns(table, TaskFeaturesColumns.required);
  const result: DatasetFeatureTable = new Map();
  const lines = new Map<string, number>();
  for (const record of table.records) {
    const task = columns.string(record, 'task');
    if (!tasks.has(task)) throw columns.fail(record, 'task', `a task of runs.csv (${[...tasks].join(', ')})`, task);
    const feature = columns.string(record, 'feature');
    if (!(DatasetFeatureNames as readonly string[]).includes(feature)) {
      throw columns.fail(record, 'feature', `a dataset feature: ${DatasetFeatureNames.join(', ')}`, feature);
    }
    const value = columns.number(record, 'value');
    const key = `${task}|${feature}`;
    const earlier = lines.get(key);
    if (earlier !== undefined) {
      throw inputError(table.file, record.line, `${feature} of ${task} is already given on line ${earlier}`);
    }
    lines.set(key, record.line);
    result.set(task, { ...result.get(task), [feature]: value });
  }
  return result;
}
