import type { ScoreboardRecord, ScoredEntry } from '../predictors/scoreboardRecord.js';
import { formatGain } from './format.js';

/** `p = 0.012`, `p < 0.001` at the resolution of the permutations. */
export function formatPValue(p: number | null): string {
  if (p === null) return 'p undefined';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export function formatInterval(interval: [number, number] | null, format: (x: number) => string = (x) => x.toFixed(2)): string {
  return interval === null ? 'no interval' : `95 % CI ${format(interval[0])} to ${format(interval[1])}`;
}

/**
 * Which predictor to trust and how much, from the stored scoreboard: a predictor is trusted to rank auxiliary
 * tasks when its mean ρ per main task is positive with a Holm-adjusted permutation p below the protocol's α (where
 * no main task has three auxiliary tasks to rank, its first choice is judged by regret@1 instead); the same for
 * predicting the sign of a gain against the majority class.
 */
export function scoreboardVerdict(record: Pick<ScoreboardRecord, 'predictors' | 'protocol' | 'truth'>): string {
  const scored = record.predictors.flatMap((p) => (p.status === 'ok' ? [p] : []));
  if (scored.length === 0) return 'No predictor could be scored on this study (see why for each).';
  const { alpha } = record.protocol;
  const mains = `${record.truth.mainTasks} main tasks`;
  const below = (p: number | null): boolean => p !== null && p < alpha;
  const ranked = scored.filter((e) => e.scores.spearmanPerMain !== null);
  const ranking = ranked
    .filter((e) => below(e.adjustedPValues.spearmanPerMain) && (e.scores.spearmanPerMain ?? 0) > 0)
    .sort((a, b) => a.scores.regret - b.scores.regret);
  const sentences: string[] = [];
  if (ranking.length > 0) {
    const best = ranking[0];
    sentences.push(
      `Trust ${best.label} to rank auxiliary tasks: ${rankingFacts(best)}, ${pValues(best, 'spearmanPerMain')} over ${mains}; its first ` +
        `choice costs ${formatGain(best.scores.regret)} against the best auxiliary task (random choice ${formatGain(best.scores.randomRegret)}, ` +
        `best fixed choice ${formatGain(best.fixedRegret)}).`,
    );
    const versus = versusFixedSentence(best, alpha, mains);
    if (versus !== null) sentences.push(versus);
  } else if (ranked.length > 0) {
    const closest = [...ranked].sort((a, b) => (a.pValues.spearmanPerMain ?? 1) - (b.pValues.spearmanPerMain ?? 1))[0];
    sentences.push(
      `No predictor ranks auxiliary tasks better than chance on this study: the closest, ${closest.label}, has ${rankingFacts(closest)}, ` +
        `${pValues(closest, 'spearmanPerMain')} over ${mains}; treat any predicted ranking as a guess for tasks like these.`,
    );
  } else {
    const closest = [...scored].sort((a, b) => (a.pValues.regret ?? 1) - (b.pValues.regret ?? 1))[0];
    const facts =
      `regret@1 ${formatGain(closest.scores.regret)} against ${formatGain(closest.scores.randomRegret)} for a random choice, ` +
      `${pValues(closest, 'regret')} over ${mains}`;
    const start = 'No main task has the three auxiliary tasks a rank correlation needs, so only first choices can be tested';
    sentences.push(
      below(closest.adjustedPValues.regret)
        ? `${start}: ${closest.label}’s beats chance (${facts}).`
        : `${start}, and none beats chance (closest: ${closest.label}, ${facts}).`,
    );
  }
  const sign = scored.filter((e) => below(e.adjustedPValues.accuracy) && e.scores.accuracy > e.scores.majorityAccuracy);
  const accurate = [...(sign.length > 0 ? sign : scored)].sort((a, b) => b.scores.accuracy - a.scores.accuracy)[0];
  const facts = `held-out accuracy ${accurate.scores.accuracy.toFixed(2)} against ${accurate.scores.majorityAccuracy.toFixed(2)} for the majority class`;
  sentences.push(
    sign.length > 0
      ? `${capitalised(accurate.label)} predicts whether a pair gains better than chance (${facts}, ${pValues(accurate, 'accuracy')}).`
      : `None predicts whether a pair gains better than chance (best: ${accurate.label}, ${facts}, ${pValues(accurate, 'accuracy')}).`,
  );
  return sentences.join(' ');
}

/**
 * Whether the trusted predictor's first choices beat the best fixed choice, which needs no model: beating a random
 * choice is not enough to be worth a meta-model. Null when its first choices are the fixed choice's everywhere.
 */
function versusFixedSentence(entry: ScoredEntry, alpha: number, mains: string): string | null {
  const { meanDifference, interval, better, worse, pValue } = entry.versusFixed;
  if (better + worse === 0) return null;
  const facts =
    `regret@1 ${formatGain(meanDifference)} against it (${formatInterval(interval, formatGain)}), a better first choice for ${better} ` +
    `and a worse one for ${worse} of ${mains} (paired sign-flip p = ${pValue.toFixed(3)})`;
  return pValue < alpha && meanDifference < 0
    ? `It also beats the best fixed choice (the auxiliary task that helped the other main tasks most): ${facts}.`
    : `It does not beat the best fixed choice, which needs no model (the auxiliary task that helped the other main tasks most): ${facts}.`;
}

function rankingFacts(entry: ScoredEntry): string {
  const rho = entry.scores.spearmanPerMain;
  return rho === null
    ? 'no defined ρ per main task'
    : `mean ρ per main task ${rho.toFixed(2)} (${formatInterval(entry.intervals.spearmanPerMain)})`;
}

function pValues(entry: ScoredEntry, statistic: 'spearmanPerMain' | 'accuracy' | 'regret'): string {
  const adjusted = entry.adjustedPValues[statistic];
  return `permutation ${formatPValue(entry.pValues[statistic])}${adjusted === null ? '' : `, Holm-adjusted ${adjusted.toFixed(3)}`}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
