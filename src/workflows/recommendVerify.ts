import { gainLabel, hasRelativeGain } from '../features/pairRows.js';
import type { Outcome } from '../meta/metaReport.js';
import type { VerifiedGain } from '../meta/recommendation.js';
import { computeGains } from '../study/gains.js';
import type { NewTaskStudy } from '../study/newTaskRuns.js';
import type { RunPlan } from '../study/runPlan.js';
import type { StudyOutcome } from '../study/runStudy.js';

/** The top `k` candidates and, unless already among them, the last one (for contrast). */
export function verificationChoice(ranked: readonly string[], k: number): string[] {
  if (k <= 0) return [];
  const top = ranked.slice(0, k);
  const bottom = ranked.at(-1);
  return bottom === undefined || top.includes(bottom) ? top : [...top, bottom];
}

/** The runs that measure the chosen pairs' gains over `seeds`: the main task alone and with each candidate. */
export function verificationPlans(prepared: NewTaskStudy, chosen: readonly string[], seeds: readonly number[]): RunPlan[] {
  const ofSeeds = (plans: readonly RunPlan[] | undefined): RunPlan[] => (plans ?? []).filter((plan) => seeds.includes(plan.seed));
  return [...ofSeeds(prepared.singles.get(prepared.main.name)), ...chosen.flatMap((aux) => ofSeeds(prepared.pairs.get(aux)))];
}

/**
 * The measured gain of each chosen pair from the verification runs (`plans`), labelled by the knowledge study's
 * rule (with one seed there is no p-value, so a significance rule falls back to the sign); for a chosen pair
 * without a gain, why.
 */
export function verifiedGains(
  prepared: NewTaskStudy,
  outcome: StudyOutcome,
  plans: readonly RunPlan[],
  chosen: readonly string[],
  significantOnly: boolean,
): Map<string, Outcome<VerifiedGain>> {
  const main = prepared.main.name;
  const ids = new Set(plans.map((plan) => plan.id));
  const { rows, unscored } = computeGains(
    outcome.runs.filter((run) => ids.has(run.id)),
    [main, ...chosen],
  );
  const result = new Map<string, Outcome<VerifiedGain>>();
  for (const row of rows.filter((r) => r.main === main)) {
    if (!hasRelativeGain(row)) {
      result.set(row.aux, { status: 'unavailable', reason: `${main} did not learn alone in some seed (${row.flag}): no relative gain` });
      continue;
    }
    const { gain, ciLow, ciHigh, pValue, singleF1, pairF1, seeds } = row;
    const label = gainLabel(row, { significantOnly: significantOnly && pValue !== null });
    result.set(row.aux, { status: 'ok', gain, ciLow, ciHigh, pValue, singleF1, pairF1, seeds, label });
  }
  const why = (aux: string): string => {
    const failed = outcome.failed.find((f) => (prepared.pairs.get(aux) ?? []).some((plan) => plan.id === f.runId));
    if (failed) return `the pair run failed: ${failed.message}`;
    return prepared.untrainable.get(aux) ?? unscored.find((u) => u.main === main && u.aux === aux)?.reason ?? 'not trained';
  };
  for (const aux of chosen) if (!result.has(aux)) result.set(aux, { status: 'unavailable', reason: why(aux) });
  return result;
}
