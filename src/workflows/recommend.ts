import type { AffinityProgress } from '../affinity/affinityRun.js';
import { TaskrelError } from '../errors.js';
import { loadedDatasetSource } from '../features/datasetSource.js';
import { hasRelativeGain } from '../features/pairRows.js';
import { studyTaskFeatures } from '../features/studyTaskFeatures.js';
import type { TaskFeatures } from '../features/taskFeatures.js';
import { gainModelTrust, metaModelColumn, predictedGainColumn } from '../meta/metaColumns.js';
import type { Outcome } from '../meta/metaReport.js';
import type { PredictorColumn } from '../meta/predictorColumn.js';
import { type CandidateRanking, rankCandidates } from '../meta/rankCandidates.js';
import { auxCandidates, recommendAux } from '../meta/recommendAux.js';
import type { Recommendation, RecommendCost, VerifiedGain } from '../meta/recommendation.js';
import { recommendationNotes } from '../meta/recommendationNotes.js';
import { writeRecommendation } from '../report/recommendationFiles.js';
import { type NewTaskStudy, newTaskFolder, prepareNewTasks, trainNewTaskRuns } from '../study/newTaskRuns.js';
import type { RunPlan } from '../study/runPlan.js';
import type { RunExecutor } from '../study/runExecutor.js';
import type { StudyListener, StudyOutcome } from '../study/runStudy.js';
import { taskRefName } from '../study/taskRef.js';
import { identicalSplits } from '../tasks/identicalSplits.js';
import type { Task } from '../tasks/task.js';
import type { TaskSpec } from '../tasks/taskSpec.js';
import { type KnowledgeStudy, knowledgeReplay, openKnowledgeStudy } from './knowledgeStudy.js';
import { type TrustSource, knowledgeTrust, rankingMetaModel } from './predictorTrust.js';
import { newTaskPredictors } from './recommendPredictors.js';
import { studyTask, trainRange, trainedTask } from './recommendTasks.js';
import { verificationChoice, verificationPlans, verifiedGains } from './recommendVerify.js';

/**
 * Seeds of the single-task runs by default. A main task and four full-size candidates with the reference study's
 * settings are 10 runs of 20–35 s each on two workers plus about 10 s of preparation and features: 2–3 minutes on
 * 2 cores (230–300 CPU-seconds measured from a fresh clone). Three seeds would take 3–5 minutes, too close to the
 * five-minute target; more seeds steady the curve features (`--seeds all` takes the study's).
 */
export const DEFAULT_SEEDS = 2;

/** Where runs and results go when the knowledge study is the shipped one (whose folder is part of the installation). */
export const DEFAULT_OUT = 'reports/recommend';

export interface RecommendRequest {
  /** The knowledge study's folder; absent: the shipped reference study. */
  study?: string;
  main: string | TaskSpec;
  /** Candidate auxiliary tasks, each at its own size; empty: the knowledge study's own tasks. */
  candidates: readonly (string | TaskSpec)[];
  /** Seeds of the single-task runs: the first n of the knowledge study's, or all of them. */
  seeds: number | 'all';
  /** Optional predictors to add (see newTaskPredictors), e.g. `affinity`: one joint run for TAG's lookahead. */
  predictors: readonly string[];
  /** Train the main task with the top `verify` candidates and the bottom one; 0: none. */
  verify: number;
  /** Seeds of the verification runs: those of the single-task runs, or all the knowledge study's. */
  verifySeeds: 'singles' | 'all';
  /** Folder of the runs and the recommend-<task> files; default `<study>/recommend`, or DEFAULT_OUT for the shipped study. */
  out?: string;
}

export interface RecommendContext {
  executor: RunExecutor;
  listener: StudyListener;
  backend?: string;
  onPrepare?: (task: string) => void;
  /** A phase begins (`affinity run`, `verification`): for the progress display. */
  onPhase?: (phase: string) => void;
  onAffinityProgress?: (progress: AffinityProgress) => void;
  /** The knowledge study's verdict on each predictor; default: knowledgeTrust. */
  trust?: TrustSource;
}

export interface RecommendResult {
  recommendation: Recommendation;
  files: { json: string; html: string };
}

/**
 * Which candidate auxiliary tasks to train a main task with, from a knowledge study's pairs:
 * 1. open the knowledge study (its spec, features, pairs and meta-model report);
 * 2. load and check the main task and every candidate, so a bad file fails before anything trains;
 * 3. train each alone with the study's single-task settings (runs already in the output folder are reused);
 * 4. compute their dataset and learning-curve features with the study's definitions;
 * 5. rank the candidates by the meta-model fitted on the study's pairs; every other predictor in newTaskPredictors
 *    adds a column, and each column carries the knowledge study's trust in it (`context.trust`, the scoreboard seam);
 * 6. optionally train the top pairs and the bottom one to check the ranking;
 * 7. write recommend-<main>.json and .html into the output folder.
 */
export async function recommend(request: RecommendRequest, context: RecommendContext): Promise<RecommendResult> {
  const started = Date.now();
  const knowledge = await openKnowledgeStudy(request.study);
  // The meta-model's settings (C, curve-feature definitions) exactly as the knowledge study's analysis used them.
  const { protocol } = knowledge.analysis.meta;
  const fit = recommendAux(knowledge.analysis.pairs, [], protocol);
  if (fit.status !== 'ok') throw new TaskrelError(`study '${knowledge.spec.name}': the meta-model cannot rank tasks: ${fit.reason}`);
  const out = request.out ?? (knowledge.shipped ? DEFAULT_OUT : newTaskFolder(knowledge.dir));
  const given = request.candidates.length === 0 ? null : request.candidates;
  const prepared = await prepareNewTasks(knowledge.spec, out, request.main, given, { onPrepare: context.onPrepare });
  const main = prepared.main.name;
  const seeds = request.seeds === 'all' ? knowledge.spec.seeds : knowledge.spec.seeds.slice(0, request.seeds);

  const singlePlans = [...prepared.singles.values()].flat().filter((plan) => seeds.includes(plan.seed));
  const singles = await train(prepared, singlePlans, context);
  const singleRuns = singles.outcome.runs.filter((run) => singlePlans.some((plan) => plan.id === run.id));
  const trainedNames = [main, ...prepared.given.map((t) => t.name)];
  const refs = [request.main, ...request.candidates];
  const features = await studyTaskFeatures(trainedNames, singleRuns, loadedDatasetSource(refs, context.onPrepare), protocol.curveFeatures);
  const candidateNames = given === null ? knowledge.spec.tasks.map(taskRefName) : prepared.given.map((t) => t.name);
  const candidateFeatures = candidateNames.map((name) => featuresOf(name, given === null ? knowledge.analysis.features : features));

  const leftOut = given !== null && knowledge.spec.tasks.some((t) => taskRefName(t) === main) ? main : null;
  const training = knowledge.analysis.pairs.filter((pair) => pair.main !== leftOut && pair.aux !== leftOut);
  const ranked = rankCandidates(training, main, auxCandidates(featuresOf(main, features), candidateFeatures), protocol);
  if (ranked.status !== 'ok')
    throw new TaskrelError(`task '${main}' cannot be ranked against study '${knowledge.spec.name}': ${ranked.reason}`);
  const trust = context.trust ?? knowledgeTrust(knowledge);
  const columns = baseColumns(ranked, trust);
  const predictorCosts: RecommendCost['predictors'] = [];
  const wanted = new Set(request.predictors);
  for (const predictor of newTaskPredictors.filter((p) => p.applies({ wanted }))) {
    const input = {
      ...context,
      prepared,
      candidates: candidateNames,
      seeds,
      wanted,
      trust: trust(predictor.scoreboard),
    };
    const { column, cost } = await predictor.column(input);
    columns.push(column);
    if (cost !== null) predictorCosts.push(cost);
  }

  const chosen = verificationChoice(
    ranked.ranked.map((r) => r.aux),
    request.verify,
  );
  let verified = new Map<string, Outcome<VerifiedGain>>();
  let verificationCost: RecommendCost['verification'] = null;
  if (chosen.length > 0) {
    context.onPhase?.('verification');
    const verifySeeds = request.verifySeeds === 'all' ? knowledge.spec.seeds : seeds;
    const plans = verificationPlans(prepared, chosen, verifySeeds);
    const trainedPairs = await train(prepared, plans, context);
    verified = verifiedGains(prepared, trainedPairs.outcome, plans, chosen, knowledge.spec.analysis.significantOnly);
    verificationCost = { ...runCost(plans, trainedPairs), seeds: verifySeeds };
  }

  const { all } = knowledge.analysis.meta.evaluations;
  const lomo = all.status === 'ok' ? all.leaveOneMainTaskOut : all;
  const mainFeatures = featuresOf(main, features);
  const recommendation: Recommendation = {
    format: 'taskrel-recommendation/2',
    knowledge: {
      study: knowledge.spec.name,
      folder: knowledge.dir,
      shipped: knowledge.shipped,
      tasks: knowledge.spec.tasks.length,
      pairs: knowledge.analysis.pairs.length,
      trainRange: trainRange(knowledge),
    },
    candidatesFrom: given === null ? 'study' : 'given',
    main: trainedTask(prepared.main, singleRuns),
    candidates:
      given === null
        ? candidateNames.map((name) => studyTask(knowledge, name))
        : prepared.given.map((task) => trainedTask(task, singleRuns)),
    features: given === null ? [mainFeatures] : features,
    model: { ...ranked.model, trainingPairs: ranked.trainingPairs, dropped: ranked.dropped, leftOut },
    gainModel: ranked.gainModel,
    ranking: ranked.ranked.map((r) => ({
      ...r,
      predictedGain: ranked.predicted.get(r.aux) ?? null,
      measuredInStudy: measuredInStudy(knowledge, leftOut, r.aux),
      verified: verified.get(r.aux) ?? null,
    })),
    predictors: columns,
    trust: {
      leaveOneMainTaskOut: lomo.status === 'ok' ? { status: 'ok', accuracy: lomo.accuracy, f1: lomo.f1 } : lomo,
      baselines: knowledge.analysis.meta.baselines,
      heldOut: knowledgeReplay(knowledge, protocol),
    },
    outsideRange: ranked.outside,
    notes: [
      ...recommendationNotes(ranked, fit.model.features, leftOut),
      ...sameSplitWarnings(refs, [prepared.main, ...prepared.given]),
      ...[...prepared.untrainable].map(
        ([aux, reason]) => `${aux} cannot be trained here (${reason}), so it cannot be verified or joined in an affinity run`,
      ),
    ],
    cost: {
      seeds,
      singles: runCost(singlePlans, singles),
      predictors: predictorCosts,
      verification: verificationCost,
      wallSeconds: (Date.now() - started) / 1000,
    },
  };
  return { recommendation, files: await writeRecommendation(out, recommendation) };
}

/** The meta-model's two columns: P(gain), which orders the table, and the predicted gain. */
function baseColumns(ranked: CandidateRanking, trust: TrustSource): PredictorColumn[] {
  const check = ranked.gainModel?.check ?? null;
  return [
    metaModelColumn(ranked.ranked, trust(rankingMetaModel)),
    // The gain regression is no scoreboard predictor: its trust is its own check against the study's gains.
    predictedGainColumn(ranked.ranked, ranked.predicted, check, gainModelTrust(check)),
  ];
}

function featuresOf(name: string, features: readonly TaskFeatures[]): TaskFeatures {
  const found = features.find((f) => f.task === name);
  if (found === undefined) throw new TaskrelError(`no features of task '${name}'`);
  return found;
}

function measuredInStudy(
  knowledge: KnowledgeStudy,
  leftOut: string | null,
  aux: string,
): Recommendation['ranking'][number]['measuredInStudy'] {
  const row = leftOut === null ? undefined : knowledge.gains.find((g) => g.main === leftOut && g.aux === aux);
  // A pair whose main task did not learn alone in the study has no relative gain to show.
  if (row === undefined || !hasRelativeGain(row)) return null;
  const { gain, ciLow, ciHigh, pValue, singleF1, pairF1, seeds } = row;
  return { gain, ciLow, ciHigh, pValue, singleF1, pairF1, seeds };
}

function runCost(
  plans: readonly RunPlan[],
  trained: { outcome: StudyOutcome; trained: number },
): { runs: number; trained: number; runSeconds: number } {
  const ids = new Set(plans.map((plan) => plan.id));
  const runSeconds = trained.outcome.runs.filter((run) => ids.has(run.id)).reduce((sum, run) => sum + run.seconds, 0);
  return { runs: plans.length, trained: trained.trained, runSeconds };
}

/** Trains runs into the output folder; a failed single-task run or an interruption is an error that keeps finished runs. */
async function train(
  prepared: NewTaskStudy,
  plans: RunPlan[],
  context: RecommendContext,
): Promise<{ outcome: StudyOutcome; trained: number }> {
  const result = await trainNewTaskRuns(prepared, plans, context.executor, context.listener, context.backend);
  const { outcome } = result;
  const failedSingle = outcome.failed.find((f) => plans.some((plan) => plan.kind === 'single' && plan.id === f.runId));
  if (failedSingle) throw new TaskrelError(`the single-task run ${failedSingle.runId} failed: ${failedSingle.message}`);
  const settled = new Set([...outcome.runs.map((run) => run.id), ...outcome.failed.map((f) => f.runId)]);
  const missing = plans.filter((plan) => !settled.has(plan.id));
  if (missing.length > 0) {
    throw new TaskrelError(
      `training stopped before ${missing.map((p) => p.id).join(', ')} finished; finished runs are kept in ${prepared.spec.output}`,
    );
  }
  return result;
}

/** Warnings for file-declared tasks whose splits hold the same examples (see identicalSplits). */
function sameSplitWarnings(refs: readonly (string | TaskSpec)[], tasks: readonly Task[]): string[] {
  return refs.flatMap((ref) => {
    const task = typeof ref === 'string' ? undefined : tasks.find((t) => t.name === ref.name);
    const warning = task === undefined || typeof ref === 'string' ? undefined : identicalSplits(task, ref.files);
    return warning === undefined ? [] : [warning];
  });
}
