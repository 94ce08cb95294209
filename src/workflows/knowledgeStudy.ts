import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TaskrelError } from '../errors.js';
import type { RankingOptions } from '../meta/recommendAux.js';
import { type RecommendationEvaluation, evaluateRecommendations } from '../meta/recommendationEvaluation.js';
import { type StudyAnalysis, parseAnalysisFile, parseReplayJson, readStudyAnalysis } from '../meta/studyAnalysis.js';
import { packageRoot } from '../packageInfo.js';
import type { GainRow } from '../study/gainRow.js';
import type { StudySpec } from '../study/spec.js';
import { StudyFiles, readGains, readStudySpec, studyPath } from '../study/studyFolder.js';

/** The study whose pairs teach the meta-model when no --study is given: shipped in the package's studies/. */
export const SHIPPED_STUDY = 'reference';

/** The shipped study's folder, inside the taskrel installation (so it is found from any working directory). */
export function shippedStudyFolder(): string {
  return join(packageRoot, 'studies', SHIPPED_STUDY);
}

/** A finished, analysed study whose pairs are what recommendations for new tasks learn from. */
export interface KnowledgeStudy {
  dir: string;
  shipped: boolean;
  spec: StudySpec;
  analysis: StudyAnalysis;
  /** replay.json: the analysis's replay of its ranking, under meta.json's protocol; null when an older taskrel wrote none. */
  replay: RecommendationEvaluation | null;
  gains: GainRow[];
}

/**
 * Opens the knowledge study: `dir`, or the shipped reference study (`shippedFolder`). A shipped study that is
 * missing or not finished is one error saying how to get it; a user's unanalysed folder says how to analyse it.
 */
export async function openKnowledgeStudy(dir: string | undefined, shippedFolder = shippedStudyFolder()): Promise<KnowledgeStudy> {
  const shipped = dir === undefined;
  const folder = dir ?? shippedFolder;
  if (shipped) {
    const missing = (['spec', 'features', 'pairs', 'meta'] as const).filter((file) => !existsSync(studyPath(folder, file)));
    if (missing.length > 0) {
      const state = missing.includes('spec')
        ? 'is not in this installation'
        : `is not finished (no ${missing.map((f) => StudyFiles[f]).join(', ')})`;
      throw new TaskrelError(
        `the shipped ${SHIPPED_STUDY} study (${folder}) ${state}: train it once in taskrel's folder ` +
          `(cd ${packageRoot} && taskrel study studies/${SHIPPED_STUDY}.json; hours on 2 cores, interrupt and rerun to continue), ` +
          'or give --study DIR, a study folder trained and analysed by taskrel',
      );
    }
  }
  const spec = readStudySpec(folder);
  const analysis = readStudyAnalysis(folder);
  const replayFile = studyPath(folder, 'replay');
  const replay = existsSync(replayFile) ? parseAnalysisFile(parseReplayJson, readFileSync(replayFile, 'utf8'), replayFile, folder) : null;
  return { dir: resolve(folder), shipped, spec, analysis, replay, gains: await readGains(folder) };
}

/**
 * The knowledge study's ranking replayed on each of its tasks as if it were new, ranked under `options`. The
 * analysis stored it (replay.json) under meta.json's protocol: it is computed again only when the file is absent
 * or `options` are not that protocol's, since the replay refits the meta-model once per task.
 */
export function knowledgeReplay(knowledge: KnowledgeStudy, options: RankingOptions): RecommendationEvaluation {
  const { C, curveFeatures } = knowledge.analysis.meta.protocol;
  if (knowledge.replay !== null && options.C === C && options.curveFeatures === curveFeatures) return knowledge.replay;
  return evaluateRecommendations(knowledge.analysis.pairs, options);
}
