import { type RelativeGainRow, hasRelativeGain } from '../../features/pairRows.js';
import type { GainRow } from '../../study/gainRow.js';

/** `aux`: how much each task helps others; `main`: how much each task is helped by others. */
export type HelpRole = 'aux' | 'main';

export interface HelpSummary {
  task: string;
  /** Directed pairs with a relative gain in which the task plays `role`. */
  pairs: number;
  /** Of those, pairs with a positive gain (and, when `significantOnly`, p below alpha). */
  gaining: number;
  /** Pairs with a negative gain (and, when `significantOnly`, p below alpha). */
  losing: number;
  meanGain: number;
}

export interface HelpSummaryOptions {
  /** Count a pair only when its p-value is below `alpha` (pairs without a p-value never count). */
  significantOnly?: boolean;
  alpha?: number;
}

/**
 * Per task, counts of gaining and losing pairs and the mean gain, with the task in `role`; sorted by mean gain.
 * Pairs without a relative gain (main did not learn alone) have no place in a mean of percentages and are left out.
 */
export function summarizeHelp(gains: GainRow[], role: HelpRole, options: HelpSummaryOptions = {}): HelpSummary[] {
  const alpha = options.alpha ?? 0.05;
  const counts = (g: GainRow): boolean => !options.significantOnly || (g.pValue !== null && g.pValue < alpha);
  const byTask = new Map<string, RelativeGainRow[]>();
  for (const g of gains.filter(hasRelativeGain)) byTask.set(g[role], [...(byTask.get(g[role]) ?? []), g]);
  return [...byTask.entries()]
    .map(([task, rows]) => ({
      task,
      pairs: rows.length,
      gaining: rows.filter((g) => g.gain > 0 && counts(g)).length,
      losing: rows.filter((g) => g.gain < 0 && counts(g)).length,
      meanGain: rows.reduce((sum, g) => sum + g.gain, 0) / rows.length,
    }))
    .sort((a, b) => b.meanGain - a.meanGain || a.task.localeCompare(b.task, 'en'));
}
