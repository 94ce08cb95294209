import { rmSync } from 'node:fs';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import type { DatasetSource } from '../features/datasetSource.js';
import { featuresCsv, pairsCsv } from '../features/featureTables.js';
import type { PairRow } from '../features/pairRow.js';
import { pairRows } from '../features/pairRows.js';
import { type ViewsRecord, viewsRecord } from '../features/modelViews/viewsRecord.js';
import { missingFeatureNotes } from '../features/missingFeatureNotes.js';
import { studyDatasetSource, studyTaskFeatures } from '../features/studyTaskFeatures.js';
import type { CurveFeatureMode, TaskFeatures } from '../features/taskFeatures.js';
import type { GainRow } from '../study/gainRow.js';
import { ofSpecSeeds } from '../study/runResult.js';
import { readRuns, readStudyGains, readStudySpec, studyPath } from '../study/studyFolder.js';
import { taskRefName } from '../study/taskRef.js';
import { buildMetaReport } from '../meta/buildMetaReport.js';
import { defaultMetaOptions, type MetaOptions } from '../meta/metaOptions.js';
import type { MetaReport } from '../meta/metaReport.js';
import { type RecommendationEvaluation, evaluateRecommendations } from '../meta/recommendationEvaluation.js';

export interface AnalyzeOptions {
  /** Dataset features per task; by default from task_features.csv, or by loading the study's tasks. */
  datasetSource?: DatasetSource;
  /** Overrides of the meta-model protocol (repetitions, folds, seed, C…); undefined entries keep the default. */
  meta?: Partial<Omit<MetaOptions, 'significantOnly' | 'curveFeatures'>>;
  /** Called before a task's data is prepared (first use) for its dataset features. */
  onPrepare?: (task: string) => void;
  /** Curve-feature definitions; the study spec's `analysis.curveFeatures` by default. */
  curveFeatures?: CurveFeatureMode;
}

export interface Analysis {
  /** gains.csv as analysed, flags included. */
  gains: GainRow[];
  features: TaskFeatures[];
  pairs: PairRow[];
  meta: MetaReport;
  /** The ranking replayed on each task as if it were new. */
  replay: RecommendationEvaluation;
  /** The model views, or null when no run kept their records. */
  views: ViewsRecord | null;
  /** Paths written. */
  files: string[];
}

/**
 * Analyses a study folder: task features (dataset features + single-run curve features), the pair rows from
 * gains.csv, the meta-model report, the replay of its ranking on each task as if it were new, and the model views
 * when the runs kept their records. Everything is computed before anything is written; each of features.csv,
 * pairs.csv, meta.json, replay.json and views.json is then written atomically (views.json removed when there are no
 * views, so it never describes other runs).
 */
export async function analyzeStudy(studyDir: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const spec = readStudySpec(studyDir);
  const gains = await readStudyGains(studyDir);
  const stored = readRuns(studyDir);
  const runs = ofSpecSeeds(stored, spec);
  const tasks = spec.tasks.map(taskRefName);
  const source = options.datasetSource ?? (await studyDatasetSource(studyDir, spec, options.onPrepare));
  const curveFeatures = options.curveFeatures ?? spec.analysis.curveFeatures;
  const features = await studyTaskFeatures(tasks, runs, source, curveFeatures);
  const { significantOnly } = spec.analysis;
  const pairs = pairRows(features, gains, { significantOnly });
  const overrides = Object.entries(options.meta ?? {}).filter(([, value]) => value !== undefined);
  const meta = buildMetaReport(pairs, { ...defaultMetaOptions, ...Object.fromEntries(overrides), significantOnly, curveFeatures });
  meta.notes.push(...missingFeatureNotes(features));
  const undefinedGains = gains.filter((g) => g.gain === null);
  if (undefinedGains.length > 0) {
    const mains = [...new Set(undefinedGains.map((g) => g.main))].join(', ');
    meta.notes.push(
      `${undefinedGains.length} pair(s) are left out: their main task (${mains}) did not learn alone in some seed, so they have no ` +
        'relative gain (gains.csv gives their absolute difference and flag)',
    );
  }

  const replay = evaluateRecommendations(pairs, meta.protocol);
  // Of every stored run, as the report showed them when it computed the views itself.
  const views = viewsRecord(stored, tasks);

  const files = [studyPath(studyDir, 'features'), studyPath(studyDir, 'pairs'), studyPath(studyDir, 'meta'), studyPath(studyDir, 'replay')];
  writeFileAtomic(files[0], featuresCsv(features, curveFeatures));
  writeFileAtomic(files[1], pairsCsv(pairs, curveFeatures));
  writeFileAtomic(files[2], `${JSON.stringify(meta, null, 2)}\n`);
  writeFileAtomic(files[3], `${JSON.stringify(replay, null, 1)}\n`);
  const viewsFile = studyPath(studyDir, 'views');
  if (views === null) rmSync(viewsFile, { force: true });
  else {
    writeFileAtomic(viewsFile, `${JSON.stringify(views, null, 1)}\n`);
    files.push(viewsFile);
  }
  return { gains, features, pairs, meta, replay, views, files };
}
