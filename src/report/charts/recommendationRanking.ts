import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/build/src/channeldef.js';
import type { LayerSpec } from 'vega-lite/build/src/spec/layer.js';
import type { Recommendation } from '../../meta/recommendation.js';
import { formatGain } from '../format.js';
import { pushedText } from '../recommendationTables.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

export interface RankingRow {
  aux: string;
  rank: number;
  probability: number;
  predicted: number | null;
  low: number | null;
  high: number | null;
  /** Measured by --verify, else null. */
  measured: number | null;
  /** Measured by the knowledge study at its caps, else null. */
  inStudy: number | null;
  text: string;
  pushedBy: string;
}

/** One row per candidate, in rank order. */
export function rankingRows(recommendation: Recommendation): RankingRow[] {
  return recommendation.ranking.map((r) => {
    const measured = r.verified?.status === 'ok' ? r.verified.gain : null;
    const p = r.predictedGain;
    const text = [
      p === null ? null : `predicted ${formatGain(p.gain)}`,
      measured === null ? null : `measured ${formatGain(measured)}`,
      r.measuredInStudy === null ? null : `study ${formatGain(r.measuredInStudy.gain)}`,
    ]
      .filter((t) => t !== null)
      .join(', ');
    return {
      aux: r.aux,
      rank: r.rank,
      probability: r.probability,
      predicted: p?.gain ?? null,
      low: p?.low ?? null,
      high: p?.high ?? null,
      measured,
      inStudy: r.measuredInStudy?.gain ?? null,
      text,
      pushedBy: pushedText(r),
    };
  });
}

/**
 * The ranking as bars of P(gain), most recommended on top, beside a panel of gains: the predicted gain with
 * its interval (grey), the gain --verify measured (blue helped, red hurt) and the knowledge study's own (ring),
 * so prediction and outcome read side by side.
 */
export function buildRecommendationRankingSpec(recommendation: Recommendation): TopLevelSpec {
  const rows = rankingRows(recommendation);
  const y = { field: 'aux', type: 'nominal', title: 'candidate', sort: rows.map((r) => r.aux) } as const;
  const height = { step: 26 };
  const tooltip = [
    { field: 'rank', title: 'rank' },
    { field: 'aux', title: 'candidate' },
    { field: 'probability', title: 'P(gain)', format: '.2f' },
    { field: 'text', title: 'gains' },
    { field: 'pushedBy', title: 'pushed most by' },
  ];
  const probability: LayerSpec<Field> = {
    data: { values: rows },
    width: 280,
    height,
    layer: [
      {
        mark: { type: 'bar', color: '#4e79a7' },
        encoding: {
          y,
          x: {
            field: 'probability',
            type: 'quantitative',
            title: 'P(gain)',
            scale: { domain: [0, 1] },
            axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.2~f' },
          },
          tooltip,
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y, x: { field: 'probability', type: 'quantitative' }, text: { field: 'probability', format: '.2f' } },
      },
      { mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { x: { datum: 0.5 } } },
    ],
  };
  const title = {
    text: `Which auxiliary tasks for ${recommendation.main.name}?`,
    subtitle: `Meta-model fitted on ${recommendation.model.trainingPairs} pairs of study ${recommendation.knowledge.study}; dashed: P = 0.5.`,
  };
  const base = { $schema: VEGA_LITE_SCHEMA, config: reportConfig, title };
  if (!rows.some((r) => r.predicted !== null || r.measured !== null || r.inStudy !== null)) return { ...base, ...probability };
  const yHidden = { ...y, axis: { labels: false, title: null, ticks: false } };
  const x = {
    type: 'quantitative',
    title: 'relative gain: predicted (grey, interval), measured (colour), study (ring)',
    axis: { format: '+.1~%' },
  } as const;
  const gains: LayerSpec<Field> = {
    data: { values: rows },
    width: 300,
    height,
    layer: [
      {
        transform: [{ filter: 'datum.low !== null' }],
        mark: { type: 'rule', color: '#bbb', strokeWidth: 3 },
        encoding: { y: yHidden, x: { field: 'low', ...x }, x2: { field: 'high' }, tooltip },
      },
      {
        transform: [{ filter: 'datum.predicted !== null' }],
        mark: { type: 'tick', color: '#666', thickness: 2 },
        encoding: { y: yHidden, x: { field: 'predicted', ...x }, tooltip },
      },
      {
        transform: [{ filter: 'datum.inStudy !== null' }],
        mark: { type: 'point', shape: 'circle', filled: false, color: '#333', size: 70 },
        encoding: { y: yHidden, x: { field: 'inStudy', ...x }, tooltip },
      },
      {
        transform: [{ filter: 'datum.measured !== null' }],
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y: yHidden,
          x: { field: 'measured', ...x },
          color: { condition: { test: 'datum.measured < 0', value: NEGATIVE_COLOR }, value: POSITIVE_COLOR },
          tooltip,
        },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: 0 } } },
    ],
  };
  return { ...base, spacing: 24, hconcat: [probability, gains] };
}
