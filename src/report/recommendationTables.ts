import type { Recommendation } from '../meta/recommendation.js';
import type { RecommendationEvaluation } from '../meta/recommendationEvaluation.js';
import { rankingRows } from './charts/recommendationRanking.js';
import { formatGain } from './format.js';
import { type Cell, htmlTable } from './table.js';

/** The ranking: P(gain), what pushed it, and the measured gain where the pair was trained. */
export function rankingTable(recommendation: Recommendation): string {
  const rows = rankingRows(recommendation);
  const verified = recommendation.ranking.some((r) => r.verified !== null);
  const cells: Cell[][] = rows.map((row, i) => {
    const v = recommendation.ranking[i].verified;
    const measured: Cell[] = !verified
      ? []
      : v === null
        ? [null, null]
        : v.status === 'ok'
          ? [formatGain(v.gain), row.measured]
          : [{ text: 'not measured', help: v.reason }, null];
    return [String(row.rank), row.aux, row.probability.toFixed(2), row.pushedBy, ...measured];
  });
  return htmlTable(
    [
      { label: 'rank', numeric: true },
      { label: 'auxiliary task', className: 'name' },
      { label: 'P(gain)', numeric: true, help: 'probability that training with this task improves the new task, by the meta-model' },
      { label: 'pushed most by', help: 'coefficient × scaled value: what each feature adds to the logit (main_ features add the same to every row)' },
      ...(verified ? [{ label: 'measured gain', numeric: true }, { label: 'label', help: 'the study’s rule for a gain' }] : []),
    ],
    cells,
  );
}

/** Per held-out task of a study: its top recommendation, whether that gained, and the rank correlation. */
export function heldOutTable(evaluation: RecommendationEvaluation): string {
  const rows: Cell[][] = evaluation.tasks.map((t) => {
    if (t.status !== 'ok') return [t.main, { text: 'unavailable', help: t.reason }, null, null, null, null];
    const top = t.ranked[0];
    return [
      t.main,
      `${top.aux} (P ${top.probability.toFixed(2)})`,
      formatGain(top.gain),
      top.label === 1 ? 'yes' : 'no',
      `${t.ranked.filter((r) => r.label === 1).length} of ${t.ranked.length}`,
      t.spearman === null ? { text: '—', help: 'undefined: fewer than three auxiliary tasks, or P(gain) or the gains are all equal' } : t.spearman.toFixed(2),
    ];
  });
  return htmlTable(
    [
      { label: 'held-out task', className: 'name' },
      { label: 'top recommendation' },
      { label: 'its measured gain', numeric: true },
      { label: 'gained', help: 'by the study’s label rule: precision of the top recommendation' },
      { label: 'auxiliary tasks that gained', numeric: true, help: 'how often a random pick would have gained' },
      { label: 'Spearman ρ', numeric: true, help: 'rank correlation of P(gain) with the measured gain over its auxiliary tasks' },
    ],
    rows,
  );
}
