import { type Analysis, analyzeStudy } from './analyze.js';
import { writeReport } from '../report/writeReport.js';
import { type PreparedStudy, prepareStudy } from '../study/prepareStudy.js';
import type { StudyOutcome } from '../study/runStudy.js';
import type { StudySpec } from '../study/spec.js';

/**
 * A study, phase by phase: the entry to the code. Each phase reads what the one before produced and writes its own
 * files of the study folder (reports/README.md lists them). The terminal's part (progress, messages, signals) comes in
 * through `StudyPhases`, so the phases themselves read no flags and print nothing.
 *
 *   0. spec      StudySpec        parseStudySpec (study/spec.ts)              the user's JSON, every default filled in
 *   1. prepare   PreparedStudy    prepareStudy (study/prepareStudy.ts)        tasks loaded (tasks/, data/), RunPlan per run
 *   2. train     StudyOutcome     runStudy (study/runStudy.ts)                RunResult per run (engine/) → runs/, GainRow → gains.csv
 *   3. analyze   Analysis         analyzeStudy (workflows/analyze.ts)         TaskFeatures → features.csv, PairRow → pairs.csv,
 *                                                                             MetaReport → meta.json, its replay → replay.json,
 *                                                                             ViewsRecord → views.json (runs with records)
 *   4. score     ScoreboardRecord scoreStudyPredictors (workflows/predictors) every predictor against the gains → predictors.json
 *   5. report    index.html       writeReport (report/writeReport.ts)         the page over what phases 2–4 stored, and figures/
 *
 * The other workflows reuse these phases: `analyze` runs 3–4 on a folder, `import` replaces 1–2 by runs trained
 * elsewhere, `affinity` (affinity.ts) trains one joint run over the study's tasks and runs 4–5, `recommend` runs 1–2
 * for new tasks and ranks them with a knowledge study's phase 3 (its stored replay included).
 */
export interface StudyPhases {
  /** Phase 1 reports tasks prepared on first use, and warnings (a task whose splits are identical). */
  onPrepare(task: string): void;
  onWarning(message: string): void;
  /** Stops after phase 1, e.g. to print the plan; the study folder is not touched. */
  planOnly?: (prepared: PreparedStudy) => Promise<void>;
  /** Phase 2 on an executor (local worker pool, Redis queue) with its progress; 'interrupted' ends the study. */
  train(prepared: PreparedStudy): Promise<StudyOutcome | 'interrupted'>;
  /** Phase 2 done: runs set aside, pairs without a gain. */
  onTrained(outcome: StudyOutcome): void;
  /** Phase 3 done: the analysis, for the terminal. */
  onAnalysis(analysis: Analysis): void;
  /** Phase 4: the scoreboard (scored with its own progress display); a study it cannot score gets a note. */
  score(dir: string): Promise<void>;
}

export type StudyResult =
  | { status: 'planned' }
  | { status: 'interrupted' }
  | { status: 'done'; outcome: StudyOutcome; analysis: Analysis; report: string };

export async function runStudyPipeline(spec: StudySpec, phases: StudyPhases): Promise<StudyResult> {
  const prepared = await prepareStudy(spec, phases.onPrepare, phases.onWarning);
  if (phases.planOnly !== undefined) {
    await phases.planOnly(prepared);
    return { status: 'planned' };
  }
  const outcome = await phases.train(prepared);
  if (outcome === 'interrupted') return { status: 'interrupted' };
  phases.onTrained(outcome);
  const analysis = await analyzeStudy(spec.output);
  phases.onAnalysis(analysis);
  await phases.score(spec.output);
  const report = await writeReport(spec.output);
  return { status: 'done', outcome, analysis, report };
}
