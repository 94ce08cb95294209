import { resolve } from 'node:path';
import { mean } from 'simple-statistics';
import { TaskrelError } from '../errors.js';
import { loadedDatasetSource } from '../features/datasetSource.js';
import { gainLabel, hasRelativeGain } from '../features/pairRows.js';
import { studyTaskFeatures } from '../features/studyTaskFeatures.js';
import { computeGains } from '../study/gains.js';
import { type NewTaskStudy, prepareNewTask, trainNewTaskRuns } from '../study/newTaskRuns.js';
import type { RunPlan } from '../study/runPlan.js';
import type { RunExecutor, StudyListener, StudyOutcome } from '../study/runStudy.js';
import { readStudySpec } from '../study/studyFolder.js';
import { taskRefName } from '../study/taskRef.js';
import { identicalSplits } from '../tasks/identicalSplits.js';
import type { TaskSpec } from '../tasks/taskSpec.js';
import { summarizeTask } from '../tasks/taskSummary.js';
import type { Outcome } from './metaReport.js';
import { type AuxRanking, auxCandidates, recommendAux } from './recommendAux.js';
import type { Recommendation, RecommendedAux, VerifiedGain } from './recommendation.js';
import { evaluateRecommendations } from './recommendationEvaluation.js';
import { recommendationNotes } from './recommendationNotes.js';
import { readStudyAnalysis } from './studyAnalysis.js';

export interface RecommendOptions {
  /** Train the pairs with the top `verify` auxiliary tasks, and with the bottom one for contrast; 0 trains none. */
  verify: number;
  executor: RunExecutor;
  listener: StudyListener;
  backend?: string;
  onPrepare?: (task: string) => void;
  /** Called with the ranking before any verification run starts. */
  onRanked?: (ranking: AuxRanking) => void;
}

/**
 * The answer to "which of this study's tasks should I train my new task with?":
 * 1. train the new task alone with the study's single-task settings (into `<study>/recommend/<task>/`);
 * 2. compute its dataset and curve features, pair it as main task with every study task, and rank those by the
 *    meta-model fitted on the study's pairs;
 * 3. optionally train the top pairs and the bottom one and attach the measured gains;
 * 4. state how far to trust it: the study's held-out-task scores and this procedure replayed on its own tasks.
 * Runs already in the task's folder with matching settings are reused.
 */
export async function recommendForTask(studyDir: string, ref: string | TaskSpec, options: RecommendOptions): Promise<Recommendation> {
  const spec = readStudySpec(studyDir);
  const study = readStudyAnalysis(studyDir);
  const { protocol } = study.meta;
  const fit = recommendAux(study.pairs, [], protocol);
  if (fit.status !== 'ok') throw new TaskrelError(`study '${spec.name}': the meta-model cannot rank tasks: ${fit.reason}`);
  const prepared = await prepareNewTask(studyDir, spec, ref, { onPrepare: options.onPrepare });
  const name = taskRefName(ref);

  const trained = await train(prepared, prepared.singles, options);
  const singles = trained.runs.filter((run) => run.kind === 'single');
  const source = loadedDatasetSource([ref], options.onPrepare);
  const features = (await studyTaskFeatures([name], singles, source, protocol.curveFeatures))[0];
  const candidates = auxCandidates(features, study.features.filter((f) => f.task !== name));
  const ranking = recommendAux(study.pairs, candidates, protocol);
  if (ranking.status !== 'ok') throw new TaskrelError(`task '${name}': cannot be ranked against study '${spec.name}': ${ranking.reason}`);
  options.onRanked?.(ranking);

  const chosen = verificationChoice(ranking.ranked.map((r) => r.aux), options.verify);
  const wanted = chosen.flatMap((aux) => prepared.pairs.get(aux) ?? []);
  const final = wanted.length > 0 ? await train(prepared, [...prepared.singles, ...wanted], options) : trained;
  const verified = verifiedGains(prepared, final, chosen, spec.analysis.significantOnly);

  const all = study.meta.evaluations.all;
  const lomo = all.status === 'ok' ? all.leaveOneMainTaskOut : all;
  const sizes = summarizeTask(prepared.task);
  const { model, trainingPairs, dropped } = ranking;
  return {
    format: 'taskrel-recommendation/1',
    study: spec.name,
    task: {
      name,
      kind: prepared.task.kind,
      description: prepared.task.description,
      source: prepared.task.source,
      sizes: { train: sizes.train.examples, dev: sizes.dev.examples, test: sizes.test.examples },
      singleF1: mean(singles.map((run) => run.heads[name].best.test.f1)),
    },
    features,
    model: { ...model, trainingPairs, dropped },
    ranking: ranking.ranked.map((r): RecommendedAux => ({ ...r, verified: verified.get(r.aux) ?? null })),
    trust: {
      leaveOneMainTaskOut: lomo.status === 'ok' ? { status: 'ok', accuracy: lomo.accuracy, f1: lomo.f1 } : lomo,
      baselines: study.meta.baselines,
      heldOut: evaluateRecommendations(study.pairs, protocol),
    },
    notes: [...recommendationNotes(ranking, fit.model.features), ...sameSplits(prepared.task, ref)],
  };
}

/** The warning for a file-declared task whose splits hold the same examples, if it has them. */
function sameSplits(task: NewTaskStudy['task'], ref: string | TaskSpec): string[] {
  const warning = typeof ref === 'string' ? undefined : identicalSplits(task, ref.files);
  return warning === undefined ? [] : [warning];
}

/** The top `k` auxiliary tasks and, unless already among them, the last one. */
export function verificationChoice(ranked: readonly string[], k: number): string[] {
  if (k <= 0) return [];
  const top = ranked.slice(0, k);
  const bottom = ranked.at(-1);
  return bottom === undefined || top.includes(bottom) ? top : [...top, bottom];
}

async function train(prepared: NewTaskStudy, plans: RunPlan[], options: RecommendOptions): Promise<StudyOutcome> {
  const outcome = await trainNewTaskRuns(prepared, plans, options.executor, options.listener, options.backend);
  const name = prepared.task.name;
  const failedSingle = outcome.failed.find((f) => prepared.singles.some((plan) => plan.id === f.runId));
  if (failedSingle) throw new TaskrelError(`the single-task run of '${name}' failed (${failedSingle.runId}): ${failedSingle.message}`);
  const settled = new Set([...outcome.runs.map((run) => run.id), ...outcome.failed.map((f) => f.runId)]);
  const missing = plans.filter((plan) => !settled.has(plan.id));
  if (missing.length > 0) {
    throw new TaskrelError(`training stopped before ${missing.map((p) => p.id).join(', ')} finished; finished runs are kept in ${resolve(prepared.spec.output)}`);
  }
  return outcome;
}

/**
 * Measured gains of every pair run in the task's folder (this call's and earlier ones'), and for chosen pairs
 * that have none, why.
 */
function verifiedGains(prepared: NewTaskStudy, outcome: StudyOutcome, chosen: string[], significantOnly: boolean): Map<string, Outcome<VerifiedGain>> {
  const name = prepared.task.name;
  const result = new Map<string, Outcome<VerifiedGain>>();
  const { rows, unscored } = computeGains(outcome.runs, [name, ...prepared.pairs.keys()]);
  for (const row of rows.filter((r) => r.main === name).filter(hasRelativeGain)) {
    const { gain, pValue, singleF1, pairF1, seeds } = row;
    result.set(row.aux, { status: 'ok', gain, pValue, singleF1, pairF1, seeds, label: gainLabel(row, { significantOnly }) });
  }
  const why = (aux: string): string => {
    const failed = outcome.failed.find((f) => (prepared.pairs.get(aux) ?? []).some((plan) => plan.id === f.runId));
    if (failed) return `the pair run failed: ${failed.message}`;
    return prepared.untrainable.get(aux) ?? unscored.find((u) => u.main === name && u.aux === aux)?.reason ?? 'not trained';
  };
  for (const aux of chosen) if (!result.has(aux)) result.set(aux, { status: 'unavailable', reason: why(aux) });
  return result;
}
