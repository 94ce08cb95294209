import { metaModelTrust } from '../meta/metaColumns.js';
import type { Outcome } from '../meta/metaReport.js';
import type { PredictorTrust } from '../meta/predictorColumn.js';
import { metaModelPredictor } from '../predictors/metaModelPredictor.js';
import { readScoreboard } from '../predictors/scoreboardFile.js';
import type { ScoredEntry, ScoreboardRecord } from '../predictors/scoreboardRecord.js';
import { type KnowledgeStudy, knowledgeReplay } from './knowledgeStudy.js';

/** How far the knowledge study trusts a predictor, by its name on the scoreboard (predictors.json, the registry's name). */
export type TrustSource = (predictor: string) => Outcome<PredictorTrust>;

/** The meta-model recommend ranks with: all pair features. */
export const rankingMetaModel = metaModelPredictor('all').name;

/**
 * What the knowledge study's scoreboard (predictors.json, written by `taskrel predictors` and every analysis) says
 * of each column's predictor: held-out ranking quality, regret and sign accuracy with their permutation p-values.
 * Without a scoreboard, the meta-model falls back to its ranking replayed on the study's own tasks.
 */
export function knowledgeTrust(knowledge: KnowledgeStudy): TrustSource {
  const board = readScoreboard(knowledge.dir);
  const cache = new Map<string, Outcome<PredictorTrust>>();
  const compute = (predictor: string): Outcome<PredictorTrust> => {
    if (board === null) {
      if (predictor === rankingMetaModel) return metaModelTrust(knowledgeReplay(knowledge, knowledge.analysis.meta.protocol));
      return {
        status: 'unavailable',
        reason: `study ${knowledge.spec.name} has no predictors.json (taskrel predictors ${knowledge.dir} scores every predictor)`,
      };
    }
    const entry = board.predictors.find((p) => p.name === predictor);
    if (entry === undefined) return { status: 'unavailable', reason: `not on the scoreboard of study ${board.study}` };
    if (entry.status !== 'ok') return { status: 'unavailable', reason: `on study ${board.study}: ${entry.reason}` };
    return scoreboardTrust(entry, board);
  };
  return (predictor) => {
    const known = cache.get(predictor) ?? compute(predictor);
    cache.set(predictor, known);
    return known;
  };
}

const pct = (x: number): string => `${Math.round(100 * x)} %`;
const gainPoints = (x: number): string => `${(100 * x).toFixed(1)} %`;
const pValue = (p: number | null): string => (p === null ? 'p undefined' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** A scoreboard row as one trust statement: ranking (ρ per main task), regret@1 and sign accuracy, each against chance. */
export function scoreboardTrust(entry: ScoredEntry, board: Pick<ScoreboardRecord, 'study'>): Outcome<PredictorTrust> {
  const { scores, pValues, fixedRegret } = entry;
  const rho = scores.spearmanPerMain;
  const ranking =
    rho === null
      ? 'its ranking is undefined (too few auxiliary tasks per main task)'
      : `mean ρ per main task ${rho.toFixed(2)} (${pValue(pValues.spearmanPerMain)})`;
  return {
    status: 'ok',
    source: `predictors.json of study ${board.study}: each main task held out, ${scores.mainTasks} main tasks, label-permutation p-values`,
    measure: 'mean Spearman ρ per main task with the measured gains',
    value: rho,
    chance: 0,
    statement:
      `on study ${board.study}: ${ranking}; its first choice lost ${gainPoints(scores.regret)} against the best auxiliary task ` +
      `(a random one ${gainPoints(scores.randomRegret)}, the best fixed one ${gainPoints(fixedRegret)}; ${pValue(pValues.regret)}); ` +
      `gain or not right for ${pct(scores.accuracy)} of pairs (majority class ${pct(scores.majorityAccuracy)}; ${pValue(pValues.accuracy)})`,
  };
}
