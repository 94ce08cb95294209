import type { PredictorCell, PredictorColumn } from '../meta/predictorColumn.js';
import { pushedMost } from '../meta/recommendAux.js';
import type { Recommendation, RecommendedAux } from '../meta/recommendation.js';
import type { RecommendationEvaluation } from '../meta/recommendationEvaluation.js';
import { formatGain, formatNumber } from './format.js';
import { measuredText } from './recommendationText.js';
import { type Cell, type Column, htmlTable } from './table.js';

/** A table as both the terminal and the page show it: columns, and rows of cells in the columns' order. */
export interface TableContent {
  columns: Column[];
  rows: Cell[][];
}

/**
 * Probabilities with two decimals, or three for the whole column when one lies near 0 or 1, so that close
 * candidates do not all read 1.00.
 */
export function probabilityText(p: number, column: readonly number[] = [p]): string {
  return p.toFixed(column.some((q) => q > 0.99 || q < 0.01) ? 3 : 2);
}

/** A predictor's score as its format reads: a probability, a gain with its interval, or a plain score. */
export function scoreText(column: Pick<PredictorColumn, 'format' | 'cells'>, cell: PredictorCell): string {
  if (cell.score === null) return '—';
  if (column.format === 'probability')
    return probabilityText(
      cell.score,
      column.cells.flatMap((c) => (c.score === null ? [] : [c.score])),
    );
  if (column.format === 'score') return formatNumber(cell.score);
  const { low, high } = cell.interval ?? { low: null, high: null };
  return low === null || high === null ? formatGain(cell.score) : `${formatGain(cell.score)} [${formatGain(low)}, ${formatGain(high)}]`;
}

function predictorCell(column: PredictorColumn, aux: string): Cell {
  const cell = column.cells.find((c) => c.aux === aux);
  if (cell === undefined || cell.score === null) return cell?.note === undefined ? null : { text: '—', help: cell.note };
  return column.show === 'value' ? scoreText(column, cell) : { text: String(cell.rank), help: `score ${scoreText(column, cell)}` };
}

/** What pushed a candidate's P(gain) most: feature and its contribution to the logit. */
export function pushedText(aux: RecommendedAux): string {
  return pushedMost(aux)
    .map((c) => `${c.feature} ${c.contribution >= 0 ? '+' : '−'}${Math.abs(c.contribution).toFixed(2)}`)
    .join(', ');
}

/**
 * The ranking: rank, candidate, the value predictors (P(gain), predicted gain), what pushed P(gain) most, the
 * other predictors' ranks, and the knowledge study's and --verify's measured gains where there are any.
 */
export function rankingContent(recommendation: Recommendation): TableContent {
  const { ranking, predictors } = recommendation;
  const values = predictors.filter((p) => p.show === 'value');
  const ranks = predictors.filter((p) => p.show === 'rank');
  const inStudy = ranking.some((r) => r.measuredInStudy !== null);
  const verified = ranking.some((r) => r.verified !== null);
  const columns: Column[] = [
    { label: 'rank', numeric: true },
    { label: 'candidate', className: 'name' },
    ...values.map((p) => ({ label: p.label, numeric: true, help: p.about })),
    {
      label: 'pushed most by',
      help: "coefficient × scaled value: what each feature adds to P(gain)'s logit (main_ features add the same to every row)",
    },
    ...ranks.map((p) => ({ label: `${p.label} rank`, numeric: true, help: p.about })),
    ...(inStudy
      ? [{ label: 'study measured', numeric: true, help: "the knowledge study's own gain for this pair, at its caps (95 % interval)" }]
      : []),
    ...(verified
      ? [
          { label: 'measured gain', numeric: true, help: 'trained with --verify (95 % interval over seeds)' },
          { label: 'label', help: 'the study’s rule for a gain' },
        ]
      : []),
  ];
  const rows = ranking.map((r): Cell[] => {
    const v = r.verified;
    const measured: Cell[] =
      v === null
        ? [null, null]
        : v.status === 'ok'
          ? [measuredText(v), v.label === 1 ? 'gain' : 'no gain']
          : [{ text: 'not measured', help: v.reason }, null];
    return [
      String(r.rank),
      r.aux,
      ...values.map((p) => predictorCell(p, r.aux)),
      pushedText(r),
      ...ranks.map((p) => predictorCell(p, r.aux)),
      ...(inStudy ? [r.measuredInStudy === null ? null : measuredText(r.measuredInStudy)] : []),
      ...(verified ? measured : []),
    ];
  });
  return { columns, rows };
}

/** Predicted against measured for every trained pair: P(gain), predicted gain and interval, measured gain, whether it fell inside. */
export function verificationContent(recommendation: Recommendation): TableContent | null {
  const trained = recommendation.ranking.filter((r) => r.verified !== null);
  if (trained.length === 0) return null;
  const columns: Column[] = [
    { label: 'rank', numeric: true },
    { label: 'candidate', className: 'name' },
    { label: 'P(gain)', numeric: true },
    { label: 'predicted gain', numeric: true },
    { label: 'measured gain', numeric: true },
    { label: 'inside the interval', help: 'whether the measured gain lies inside the predicted gain’s interval' },
    { label: 'label', help: 'the study’s rule for a gain' },
  ];
  const probabilities = recommendation.ranking.map((r) => r.probability);
  const rows = trained.map((r): Cell[] => {
    const v = r.verified;
    const p = r.predictedGain;
    const predicted =
      p === null
        ? null
        : p.low === null || p.high === null
          ? formatGain(p.gain)
          : `${formatGain(p.gain)} [${formatGain(p.low)}, ${formatGain(p.high)}]`;
    if (v === null || v.status !== 'ok')
      return [
        String(r.rank),
        r.aux,
        probabilityText(r.probability, probabilities),
        predicted,
        { text: 'not measured', help: v?.status === 'unavailable' ? v.reason : '' },
        null,
        null,
      ];
    const inside = p === null || p.low === null || p.high === null ? null : v.gain >= p.low && v.gain <= p.high ? 'yes' : 'no';
    return [
      String(r.rank),
      r.aux,
      probabilityText(r.probability, probabilities),
      predicted,
      measuredText(v),
      inside,
      v.label === 1 ? 'gain' : 'no gain',
    ];
  });
  return { columns, rows };
}

/** Cells as terminal text: absent values as —, explanations dropped. */
export function cellText(cell: Cell): string {
  return cell === null ? '—' : typeof cell === 'string' ? cell : cell.text;
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
      t.spearman === null
        ? { text: '—', help: 'undefined: fewer than three auxiliary tasks, or P(gain) or the gains are all equal' }
        : t.spearman.toFixed(2),
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
