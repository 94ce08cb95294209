import type { OutsideFeature, OutsideRange } from '../meta/outsideRange.js';
import type { PredictorColumn } from '../meta/predictorColumn.js';
import { type Recommendation, type RecommendTask, verificationAgreement } from '../meta/recommendation.js';
import type { RecommendationEvaluation } from '../meta/recommendationEvaluation.js';
import { formatDuration, formatGain, formatNumber } from './format.js';

/** The sentences that say what a recommendation rests on and how far to trust it, shared by the terminal and the pages. */

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
  const rho =
    spearman === null
      ? 'no rank correlation (it needs three auxiliary tasks per held-out task and scores that vary)'
      : `mean Spearman ρ of P(gain) and measured gain ${spearman.toFixed(2)} over ${spearmanTasks} task${spearmanTasks === 1 ? '' : 's'}`;
  const rest =
    skipped.length === 0 ? '' : ` ${skipped.length} of ${tasks.length} could not be ranked (${skipped[0].main}: ${skipped[0].reason}).`;
  return (
    `Replayed on the study's own tasks (each removed, the meta-model refitted on the other tasks' pairs): ` +
    `the top recommendation gained for ${hits} of ${evaluated} (precision ${percent(precisionAtOne)}; a random pick: ${percent(randomPrecision)}), ${rho}.${rest}`
  );
}

/** One predictor's trust on the knowledge study, as one line. */
export function trustSentence(column: PredictorColumn): string {
  return `${column.label}: ${column.trust.status === 'ok' ? column.trust.statement : `trust unknown: ${column.trust.reason}`}.`;
}

/** What training the recommended pairs showed, or null when none was trained. */
export function verificationSentence(recommendation: Recommendation): string | null {
  const agreement = verificationAgreement(recommendation.ranking);
  if (agreement === null) return null;
  const { pairs, topRank, precisionAtOne, randomPrecision, spearman } = agreement;
  const top = recommendation.ranking[topRank - 1].aux;
  const rho = spearman === null ? '' : `; Spearman ρ of P(gain) and measured gain ${spearman.toFixed(2)}`;
  return (
    `Trained ${pairs} pair${pairs === 1 ? '' : 's'}: the best-ranked one (${top}, rank ${topRank}) ${precisionAtOne === 1 ? 'gained' : 'did not gain'}; ` +
    `${Math.round(randomPrecision * pairs)} of ${pairs} gained${rho}.`
  );
}

/** Where a task's training size lies against the knowledge study's tasks (as its runs saw them). */
export function sizePosition(size: number, range: Recommendation['knowledge']['trainRange']): string {
  if (range === null) return 'the study records no sizes';
  if (size > range.max) return `${formatRatio(size / range.max)} the study's largest (${formatNumber(range.max)})`;
  if (size < range.min) return `${formatRatio(size / range.min)} the study's smallest (${formatNumber(range.min)})`;
  return `within the study's ${rangeText(range)}`;
}

/** `300–5,000`, or `400` when every task has the same. */
export function rangeText(range: { min: number; max: number }): string {
  return range.min === range.max ? formatNumber(range.min) : `${formatNumber(range.min)}–${formatNumber(range.max)}`;
}

const formatRatio = (ratio: number): string => `${ratio >= 10 ? Math.round(ratio) : Number(ratio.toPrecision(2))}×`;

/** Three significant digits, thousands separated: short enough for one line per task. */
const short = (x: number): string =>
  Number.isInteger(x) ? formatNumber(x) : Number(x.toPrecision(3)).toLocaleString('en-US', { maximumSignificantDigits: 3 });

/** The task's single-task F1 and how many runs it is the mean of. */
export function singleScore(task: RecommendTask): string {
  if (task.singleF1 === null) return 'no single-task runs';
  const runs = task.runs === 'study' ? 'study runs' : task.seeds === 1 ? 'run' : 'runs';
  return `F1 ${task.singleF1.toFixed(3)} alone (${task.seeds} ${runs})`;
}

/** A feature outside the study's range: its value, the range, and how far out, in units of the range (+ above, − below). */
export function outsideFeatureText(f: OutsideFeature): string {
  const name = f.prefix === 'ratio' ? `main/aux ${f.feature}` : f.feature;
  if (f.ranges === null) return `${name} ${short(f.value)} (study: always ${short(f.min)})`;
  const distance = Math.abs(f.ranges) >= 10 ? Math.round(Math.abs(f.ranges)).toString() : Math.abs(f.ranges).toFixed(1);
  return `${name} ${short(f.value)} (study ${short(f.min)} to ${short(f.max)}, ${f.ranges > 0 ? '+' : '−'}${distance} ranges)`;
}

/** One short line per task: the farthest `limit` features outside the study's range, and how many more. */
export function outsideRangeLine(entry: OutsideRange, limit = 2): string {
  const shown = entry.features.slice(0, limit).map(outsideFeatureText).join('; ');
  const more = entry.features.length > limit ? `; +${entry.features.length - limit} more` : '';
  return `${entry.task}${entry.role === 'main' ? ' (main)' : ''}: ${shown}${more}`;
}

/** What the recommendation cost: runs trained and reused, their own seconds, and the call's wall time. */
export function costSentence({ cost }: Recommendation): string {
  const { singles, verification, predictors } = cost;
  const reused = (part: { runs: number; trained: number }): string =>
    part.trained === part.runs ? '' : `, ${part.runs - part.trained} reused`;
  const seeds = `seed${cost.seeds.length === 1 ? '' : 's'} ${cost.seeds.join(', ')}`;
  const runs = (n: number, what: string): string => `${n} ${what} run${n === 1 ? '' : 's'}`;
  const parts = [
    `${runs(singles.runs, 'single-task')} (${seeds}): ${singles.trained} trained${reused(singles)}, ${formatDuration(singles.runSeconds)} of run time`,
  ];
  for (const p of predictors)
    parts.push(`${p.id} run: ${formatNumber(p.batches)} batches, ${formatDuration(p.seconds)}${p.reused ? ' (reused)' : ''}`);
  if (verification !== null)
    parts.push(
      `${runs(verification.runs, 'verification')}: ${verification.trained} trained${reused(verification)}, ${formatDuration(verification.runSeconds)} of run time`,
    );
  return `${parts.join('; ')}. This call took ${formatDuration(cost.wallSeconds)}.`;
}

/** A measured gain with its 95 % interval when there is one. */
export function measuredText(gain: { gain: number; ciLow: number | null; ciHigh: number | null }): string {
  return gain.ciLow === null || gain.ciHigh === null
    ? formatGain(gain.gain)
    : `${formatGain(gain.gain)} [${formatGain(gain.ciLow)}, ${formatGain(gain.ciHigh)}]`;
}
