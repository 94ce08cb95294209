import { type Recommendation, verificationAgreement } from '../meta/recommendation.js';
import type { RecommendationEvaluation } from '../meta/recommendationEvaluation.js';

/** The sentences that say how far a recommendation can be trusted, shared by the terminal and the pages. */

const percent = (x: number | null): string => (x === null ? '—' : `${Math.round(100 * x)} %`);

/** The study's meta-model on held-out main tasks against predicting without features. */
export function heldOutPairsSentence(trust: Recommendation['trust']): string {
  const { leaveOneMainTaskOut: lomo, baselines } = trust;
  const majority = `always predicting the majority class: ${percent(baselines.majorityAccuracy)}`;
  const gainF1 = baselines.alwaysGainF1 === null ? '' : `, always "gain": F1 ${baselines.alwaysGainF1.toFixed(2)}`;
  if (lomo.status !== 'ok') return `The study's meta-model could not be scored on held-out main tasks (${lomo.reason}); ${majority}.`;
  const f1 = lomo.f1 === null ? '' : ` (gain F1 ${lomo.f1.toFixed(2)})`;
  return `For a main task it had not seen, the study's meta-model labelled ${percent(lomo.accuracy)} of pairs right${f1}; ${majority}${gainF1}.`;
}

/** This ranking procedure replayed on the study's own tasks. */
export function heldOutRankingSentence(evaluation: RecommendationEvaluation): string {
  const { evaluated, tasks, precisionAtOne, randomPrecision, spearman, spearmanTasks } = evaluation;
  const skipped = tasks.flatMap((t) => (t.status === 'unavailable' ? [t] : []));
  if (evaluated === 0) {
    return `Replaying the ranking on the study's own tasks was not possible${skipped.length > 0 ? ` (${skipped[0].reason})` : ''}.`;
  }
  const hits = Math.round((precisionAtOne ?? 0) * evaluated);
  const rho = spearman === null
    ? 'no rank correlation (it needs three auxiliary tasks per held-out task and scores that vary)'
    : `mean Spearman ρ of P(gain) and measured gain ${spearman.toFixed(2)} over ${spearmanTasks} task${spearmanTasks === 1 ? '' : 's'}`;
  const rest = skipped.length === 0 ? '' : ` ${skipped.length} of ${tasks.length} could not be ranked (${skipped[0].main}: ${skipped[0].reason}).`;
  return `Replayed on the study's own tasks (each removed, the meta-model refitted on the other tasks' pairs): ` +
    `the top recommendation gained for ${hits} of ${evaluated} (precision ${percent(precisionAtOne)}; a random pick: ${percent(randomPrecision)}), ${rho}.${rest}`;
}

/** What training the recommended pairs showed, or null when none was trained. */
export function verificationSentence(recommendation: Recommendation): string | null {
  const agreement = verificationAgreement(recommendation.ranking);
  if (agreement === null) return null;
  const { pairs, topRank, precisionAtOne, randomPrecision, spearman } = agreement;
  const top = recommendation.ranking[topRank - 1].aux;
  const rho = spearman === null ? '' : `; Spearman ρ of P(gain) and measured gain ${spearman.toFixed(2)}`;
  return `Trained ${pairs} pair${pairs === 1 ? '' : 's'}: the best-ranked one (${top}, rank ${topRank}) ${precisionAtOne === 1 ? 'gained' : 'did not gain'}; ` +
    `${Math.round(randomPrecision * pairs)} of ${pairs} gained${rho}.`;
}
