import type { PairFeatureName, PairRow } from '../features/pairRow.js';
import { pairFeatures } from '../features/pairRows.js';
import type { CurveFeatureMode, TaskFeatures } from '../features/taskFeatures.js';
import { type DroppedFeature, featureMatrix } from './featureMatrix.js';
import { featureSet } from './featureSets.js';
import { type MetaModel, fitMetaModel, gainProbability } from './metaModel.js';
import type { Outcome } from './metaReport.js';
import { applyMinMax } from './minMaxScaler.js';

/** An auxiliary task that could be trained with the main task, with the pair features of (main, aux). */
export interface AuxCandidate {
  aux: string;
  features: PairRow['features'];
}

/**
 * What one feature adds to a pair's logit: coefficient × min-max scaled value. With the intercept they sum to
 * the logit, so each is measured from a pair sitting at every feature's minimum over the training pairs.
 */
export interface FeatureContribution {
  feature: PairFeatureName;
  value: number;
  /** (value − min)/(max − min) over the training pairs; outside [0, 1] the model extrapolates. */
  scaled: number;
  contribution: number;
}

export interface RankedAux {
  /** 1 = the most likely to help. */
  rank: number;
  aux: string;
  probability: number;
  /** Every model feature, largest |contribution| first. */
  contributions: FeatureContribution[];
}

export interface AuxRanking {
  /** Fitted on the training pairs with the features every training pair and every candidate has. */
  model: MetaModel;
  trainingPairs: number;
  /** Pair features left out, and why (missing for some training pairs, or for the candidates). */
  dropped: DroppedFeature[];
  ranked: RankedAux[];
}

/** The pair features of (main, aux) for each auxiliary task, built by the same code as the study's pair rows. */
export function auxCandidates(main: TaskFeatures, auxTasks: readonly TaskFeatures[]): AuxCandidate[] {
  return auxTasks.map((aux) => ({ aux: aux.task, features: pairFeatures(main.values, aux.values) }));
}

/** What the study's meta-model was fitted with (meta.json's protocol has both). */
export interface RankingOptions {
  C: number;
  curveFeatures: CurveFeatureMode;
}

/**
 * Ranks auxiliary tasks for a main task by the meta-model's P(gain), fitted on `training` pairs exactly as the
 * study's meta-model (the pair features present for every pair, min-max scaling, L2 logistic
 * regression with `C`) but restricted to features the candidates have too. Ties go by task name.
 */
export function recommendAux(
  training: readonly PairRow[],
  candidates: readonly AuxCandidate[],
  options: RankingOptions,
): Outcome<AuxRanking> {
  const { C, curveFeatures } = options;
  const unavailable = (reason: string): Outcome<AuxRanking> => ({ status: 'unavailable', reason });
  if (training.length === 0) return unavailable('no training pairs');
  const gains = training.filter((pair) => pair.label === 1).length;
  if (gains === 0 || gains === training.length) {
    return unavailable(`all ${training.length} training pairs are "${gains === 0 ? 'no gain' : 'gain'}": nothing to learn a ranking from`);
  }
  const study = featureMatrix(training, featureSet('all', curveFeatures));
  const dropped = [...study.dropped];
  const names = study.matrix.names.filter((name) => {
    const lacking = candidates.filter((c) => c.features[name] === undefined);
    if (lacking.length > 0)
      dropped.push({
        feature: name,
        reason: `missing for ${lacking.length} of ${candidates.length} candidate pairs (e.g. with ${lacking[0].aux})`,
      });
    return lacking.length === 0;
  });
  if (names.length === 0) return unavailable('no pair feature is present for every training and candidate pair');
  const model = fitMetaModel(featureMatrix(training, names).matrix, C);
  const scored = candidates.map((candidate) => score(model, candidate));
  scored.sort((a, b) => b.probability - a.probability || a.aux.localeCompare(b.aux, 'en'));
  const ranked = scored.map((entry, i) => ({ ...entry, rank: i + 1 }));
  return { status: 'ok', model, trainingPairs: training.length, dropped, ranked };
}

function score(model: MetaModel, candidate: AuxCandidate): Omit<RankedAux, 'rank'> {
  const values = model.features.map((name) => candidate.features[name] as number);
  const [scaled] = applyMinMax(model, [values]);
  const contributions = model.features.map((feature, j) => ({
    feature,
    value: values[j],
    scaled: scaled[j],
    contribution: model.coefficients[j] * scaled[j],
  }));
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature, 'en'));
  return { aux: candidate.aux, probability: gainProbability(model, candidate.features) as number, contributions };
}

/**
 * The `n` features that pushed an auxiliary task's P(gain) most, up or down. main_ features are left out: they
 * are the new task's own and add the same to every auxiliary task, so they do not order the ranking.
 */
export function pushedMost(aux: RankedAux, n = 3): FeatureContribution[] {
  return aux.contributions.filter((c) => !c.feature.startsWith('main_')).slice(0, n);
}
