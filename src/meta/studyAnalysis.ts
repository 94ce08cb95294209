import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TaskrelError } from '../errors.js';
import { parseFeaturesCsv, parsePairsCsv } from '../features/featureTables.js';
import type { PairRow } from '../features/pairRow.js';
import type { TaskFeatures } from '../features/taskFeatures.js';
import { parseStoredJson } from '../shared/jsonFile.js';
import { StudyFiles, studyPath } from '../study/studyFolder.js';
import type { MetaReport } from './metaReport.js';
import type { RecommendationEvaluation } from './recommendationEvaluation.js';
import { validateMetaReport } from './validateMetaReport.js';
import { validateReplay } from './validateRecommendation.js';

/** What `analyzeStudy` left in a study folder: task features, pair rows and the meta-model report. */
export interface StudyAnalysis {
  features: TaskFeatures[];
  pairs: PairRow[];
  meta: MetaReport;
}

/** Reads features.csv, pairs.csv and meta.json; a missing one means the analysis has not run, and says how to run it. */
export function readStudyAnalysis(studyDir: string): StudyAnalysis {
  const read = (file: keyof typeof StudyFiles): { text: string; path: string } => {
    const path = studyPath(studyDir, file);
    if (!existsSync(path))
      throw new TaskrelError(`${resolve(studyDir)}: no ${StudyFiles[file]} yet; run 'taskrel analyze ${studyDir}' first`);
    return { text: readFileSync(path, 'utf8'), path };
  };
  const features = read('features');
  const pairs = read('pairs');
  const meta = read('meta');
  return {
    features: parseAnalysisFile(parseFeaturesCsv, features.text, features.path, studyDir),
    pairs: parseAnalysisFile(parsePairsCsv, pairs.text, pairs.path, studyDir),
    meta: parseAnalysisFile(parseMetaJson, meta.text, meta.path, studyDir),
  };
}

export function parseMetaJson(text: string, file: string): MetaReport {
  return validateMetaReport(parseStoredJson(text, file), file);
}

export function parseReplayJson(text: string, file: string): RecommendationEvaluation {
  return validateReplay(parseStoredJson(text, file), file);
}

/**
 * Parses a file `taskrel analyze` wrote. One it cannot read may come from an earlier taskrel (whose features
 * differ), so the error ends with the command that writes it anew.
 */
export function parseAnalysisFile<T>(parse: (text: string, file: string) => T, text: string, file: string, studyDir: string): T {
  try {
    return parse(text, file);
  } catch (error) {
    if (!(error instanceof TaskrelError)) throw error;
    throw new TaskrelError(`${error.message} (written by an earlier taskrel? 'taskrel analyze ${studyDir}' writes it anew)`);
  }
}
