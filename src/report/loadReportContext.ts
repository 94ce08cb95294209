import { existsSync, readFileSync } from 'node:fs';
import { TaskrelError } from '../errors.js';
import { parseFeaturesCsv, parsePairsCsv } from '../features/featureTables.js';
import { parseViewsJson } from '../features/modelViews/validateViews.js';
import { parseAnalysisFile, parseMetaJson, parseReplayJson } from '../meta/studyAnalysis.js';
import type { StudySpec } from '../study/spec.js';
import { StudyFiles, readGains, readRuns, readStudySpec, studyPath } from '../study/studyFolder.js';
import { loadTaskRef, taskRefName } from '../study/taskRef.js';
import type { LoadTaskOptions } from '../tasks/loadTask.js';
import type { MissingTask, ReportContext } from './reportContext.js';
import { studySamples } from '../study/trainSample.js';
import { type TaskInfo, taskInfo } from './taskInfo.js';

/** Files a reader may want next to the report, in the order the page lists them. */
const downloadable = ['gains', 'features', 'pairs', 'meta', 'replay', 'views', 'affinity', 'predictors', 'spec'] as const;

/** Reads everything the report shows from a study folder; analyses that have not run yet are null. */
export async function loadReportContext(studyDir: string, taskOptions: LoadTaskOptions = {}): Promise<ReportContext> {
  const spec = readStudySpec(studyDir);
  const { tasks, missingTasks } = await loadTaskInfos(spec, taskOptions);
  return {
    studyDir,
    spec,
    tasks,
    missingTasks,
    runs: readRuns(studyDir),
    gains: await readGains(studyDir),
    features: readAnalysisFile(studyDir, 'features', parseFeaturesCsv),
    pairs: readAnalysisFile(studyDir, 'pairs', parsePairsCsv),
    meta: readAnalysisFile(studyDir, 'meta', parseMetaJson),
    replay: readAnalysisFile(studyDir, 'replay', parseReplayJson),
    views: readAnalysisFile(studyDir, 'views', parseViewsJson),
    downloads: downloadable.filter((file) => existsSync(studyPath(studyDir, file))).map((file) => StudyFiles[file]),
  };
}

/**
 * The study's tasks as the report describes them. A task that cannot be loaded (a study folder copied from
 * another machine, a moved data file) is listed with the reason instead of stopping the report.
 */
async function loadTaskInfos(spec: StudySpec, options: LoadTaskOptions): Promise<{ tasks: TaskInfo[]; missingTasks: MissingTask[] }> {
  const tasks: TaskInfo[] = [];
  const missingTasks: MissingTask[] = [];
  for (const ref of spec.tasks) {
    try {
      const task = await loadTaskRef(ref, options);
      if (task === undefined) missingTasks.push({ name: taskRefName(ref), reason: 'imported: trained elsewhere, its data is not here' });
      else tasks.push(taskInfo(task, studySamples(task, spec.trainSentences[task.name], spec.seeds)));
    } catch (error) {
      if (!(error instanceof TaskrelError)) throw error;
      missingTasks.push({ name: taskRefName(ref), reason: error.message });
    }
  }
  return { tasks, missingTasks };
}

/** A file written by a later analysis step, parsed, or null when that step has not run. */
export function readStudyFile<T>(file: string, parse: (text: string, file: string) => T): T | null {
  return existsSync(file) ? parse(readFileSync(file, 'utf8'), file) : null;
}

function readAnalysisFile<T>(
  studyDir: string,
  file: 'features' | 'pairs' | 'meta' | 'replay' | 'views',
  parse: (text: string, file: string) => T,
): T | null {
  return readStudyFile(studyPath(studyDir, file), (text, path) => parseAnalysisFile(parse, text, path, studyDir));
}
