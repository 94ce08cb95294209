import { TaskrelError } from '../errors.js';
import type { PairRow } from '../features/pairRow.js';
import { baselines } from './baselines.js';
import { repeatedCrossValidation } from './crossValidation.js';
import { constantFeatures, type FeatureMatrix, featureMatrix } from './featureMatrix.js';
import { rankFeatures } from './featureRanking.js';
import { featureSet, type FeatureSetName, FeatureSetNames } from './featureSets.js';
import { leaveOneMainTaskOut } from './leaveOneMainTaskOut.js';
import { defaultMetaOptions, describeProtocol, type MetaOptions } from './metaOptions.js';
import type { MetaReport, Outcome, SetEvaluation, Unavailable } from './metaReport.js';
import { type MetaModel, fitMetaModel, fittedPairs } from './metaModel.js';

const unavailable = (reason: string): Unavailable => ({ status: 'unavailable', reason });

/** Why no classifier can be evaluated on these labels, or undefined. */
function oneClassReason(labels: readonly (0 | 1)[]): string | undefined {
  const gains = labels.filter((l) => l === 1).length;
  if (gains > 0 && gains < labels.length) return undefined;
  return `all ${labels.length} pairs are "${gains === 0 ? 'no gain' : 'gain'}": there is nothing to classify`;
}

function evaluateSet(
  pairs: readonly PairRow[],
  all: FeatureMatrix,
  set: FeatureSetName,
  options: MetaOptions,
  notes: string[],
): Outcome<SetEvaluation> {
  const names = featureSet(set, options.curveFeatures).filter((name) => all.names.includes(name));
  if (names.length === 0) return unavailable(`none of the ${set} features is present for every pair`);
  const matrix = featureMatrix(pairs, names).matrix;
  const oneClass = oneClassReason(matrix.labels);
  const mains = new Set(matrix.mains).size;
  const evaluation: SetEvaluation = {
    features: names,
    crossValidation: oneClass
      ? unavailable(oneClass)
      : pairs.length < options.folds
        ? unavailable(`${pairs.length} pairs are fewer than ${options.folds} folds`)
        : { status: 'ok', ...repeatedCrossValidation(matrix, options) },
    leaveOneMainTaskOut: oneClass
      ? unavailable(oneClass)
      : mains < 2
        ? unavailable('only one main task')
        : { status: 'ok', ...leaveOneMainTaskOut(matrix, options.C) },
  };
  const { crossValidation: cv, leaveOneMainTaskOut: held } = evaluation;
  if (cv.status === 'ok' && cv.singleClassFolds > 0) {
    const folds = cv.repetitions * cv.folds;
    notes.push(`${set}: ${cv.singleClassFolds} of ${folds} CV training folds had one class, which was then predicted`);
  }
  const single = held.status === 'ok' ? held.tasks.filter((t) => t.singleClass).map((t) => t.main) : [];
  if (single.length > 0) notes.push(`${set}: without ${single.join(', ')} training had one class, which was predicted`);
  return { status: 'ok', ...evaluation };
}

/** Below this many directed pairs (the number of pair features), a meta-model's scores say little. */
const FEW_PAIRS = 42;

/**
 * The meta-model analysis of a study's pair rows: baselines, repeated CV and leave-one-main-task-out for each
 * feature set, the feature ranking and the model fitted on all pairs. Whatever cannot be computed is marked
 * unavailable with the reason, never filled in.
 */
export function buildMetaReport(pairs: readonly PairRow[], options: MetaOptions = defaultMetaOptions): MetaReport {
  if (pairs.length === 0) throw new TaskrelError('meta-model: there are no pairs to analyse');
  const { matrix, dropped } = featureMatrix(pairs, featureSet('all', options.curveFeatures));
  const notes: string[] = [];
  if (pairs.length < FEW_PAIRS) {
    notes.push(
      `only ${pairs.length} directed pairs: too few to judge a meta-model (or any predictor) with confidence; the reference ` +
        'study shipped with taskrel (studies/reference: 11 tasks, 110 directed pairs, 5 seeds) is where taskrel scores them',
    );
  }
  if (dropped.length > 0) {
    notes.push(`${dropped.length} of 42 pair features are missing for some pairs and were not used (features.dropped)`);
  }
  const constant = constantFeatures(matrix);
  if (constant.length > 0) notes.push(`constant over all pairs, so uninformative: ${constant.join(', ')}`);
  const evaluations = {} as MetaReport['evaluations'];
  for (const set of FeatureSetNames) evaluations[set] = evaluateSet(pairs, matrix, set, options, notes);
  const noModel = oneClassReason(matrix.labels) ?? (matrix.names.length === 0 ? 'no feature is present for every pair' : undefined);
  const { rankingSplits: splits, trainFraction, seed, C } = options;
  const gains = matrix.labels.filter((l) => l === 1).length;
  const model: Outcome<MetaModel> = noModel ? unavailable(noModel) : { status: 'ok', ...fitMetaModel(matrix, C) };
  return {
    format: 'taskrel-meta/1',
    protocol: describeProtocol(options),
    data: {
      pairs: pairs.length,
      tasks: new Set(pairs.flatMap((pair) => [pair.main, pair.aux])).size,
      mainTasks: new Set(matrix.mains).size,
      gains,
      noGains: pairs.length - gains,
    },
    features: { used: matrix.names, dropped, constant },
    baselines: baselines(matrix.labels),
    evaluations,
    ranking: noModel
      ? unavailable(noModel)
      : pairs.length < 3
        ? unavailable('fewer than three pairs')
        : { status: 'ok', ...rankFeatures(matrix, { splits, trainFraction, seed, C }) },
    model,
    fitted: model.status === 'ok' ? fittedPairs(model, pairs) : [],
    notes,
  };
}
