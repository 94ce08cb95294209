import { readAffinityRecord } from '../affinity/affinityFile.js';
import { compareAffinity } from '../affinity/compareAffinity.js';
import { metaModelTrust } from '../meta/metaColumns.js';
import type { Outcome } from '../meta/metaReport.js';
import type { PredictorTrust } from '../meta/predictorColumn.js';
import { evaluateRecommendations } from '../meta/recommendationEvaluation.js';
import { readRuns } from '../study/studyFolder.js';
import type { KnowledgeStudy } from './knowledgeStudy.js';

/**
 * How far the knowledge study trusts a predictor, by the predictor's column id; undefined when the study has
 * no verdict on it (the column then keeps the trust it computed itself, if any). This is the seam where a
 * scoreboard of predictors stored in the study folder plugs in.
 */
export type TrustSource = (predictor: string) => Outcome<PredictorTrust> | undefined;

/**
 * What a knowledge study folder says today: the meta-model by this ranking replayed on its own tasks, TAG's
 * lookahead by affinity.json scored against its gains. Each is computed on first request only.
 */
export function knowledgeTrust(knowledge: KnowledgeStudy): TrustSource {
  const cache = new Map<string, Outcome<PredictorTrust> | undefined>();
  const compute: Record<string, () => Outcome<PredictorTrust>> = {
    'meta-model': () => metaModelTrust(evaluateRecommendations(knowledge.analysis.pairs, knowledge.analysis.meta.protocol.C)),
    lookahead: () => lookaheadTrust(knowledge),
  };
  return (predictor) => {
    if (!cache.has(predictor)) cache.set(predictor, compute[predictor]?.());
    return cache.get(predictor);
  };
}

function lookaheadTrust(knowledge: KnowledgeStudy): Outcome<PredictorTrust> {
  const record = readAffinityRecord(knowledge.dir);
  const name = knowledge.spec.name;
  if (record === null) return { status: 'unavailable', reason: `not scored on study ${name} (taskrel affinity on its spec scores it against the study's gains)` };
  const comparison = compareAffinity(record, { gains: knowledge.gains, runs: readRuns(knowledge.dir), meta: knowledge.analysis.meta }, []);
  const scored = comparison?.predictors.find((p) => p.name === 'lookahead');
  if (scored === undefined || scored.status !== 'ok') {
    return { status: 'unavailable', reason: scored?.status === 'unavailable' ? scored.reason : `study ${name}'s affinity.json shares no measured pair with its gains` };
  }
  const { topOnePrecision, randomTopOnePrecision, spearmanPerMain, spearmanTasks } = scored.scores;
  const rho = spearmanPerMain === null ? '' : `; mean Spearman ρ with the measured gains ${spearmanPerMain.toFixed(2)} over ${spearmanTasks} main tasks`;
  return {
    status: 'ok',
    source: `affinity.json of study ${name}, scored against its gains`,
    measure: 'precision of the top-ranked auxiliary task',
    value: topOnePrecision,
    chance: randomTopOnePrecision,
    statement: `on study ${name} its top pick gained for ${Math.round(100 * topOnePrecision)} % of main tasks (a random pick: ${Math.round(100 * randomTopOnePrecision)} %)${rho}`,
  };
}
