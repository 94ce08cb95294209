import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/build/src/channeldef.js';
import type { LayerSpec } from 'vega-lite/build/src/spec/layer.js';
import { pushedMost } from '../../meta/recommendAux.js';
import type { Recommendation } from '../../meta/recommendation.js';
import { formatGain } from '../format.js';
import { NEGATIVE_COLOR, POSITIVE_COLOR, VEGA_LITE_SCHEMA, reportConfig } from './common.js';

export interface RankingRow {
  aux: string;
  rank: number;
  probability: number;
  /** Measured relative gain when the pair was trained, else null. */
  gain: number | null;
  /** `gain`, `no gain` (the study's label rule), or why there is no measurement. */
  measured: string;
  gainText: string;
  pushedBy: string;
}

/** One row per auxiliary task, in rank order. */
export function rankingRows(recommendation: Recommendation): RankingRow[] {
  return recommendation.ranking.map((r) => {
    const v = r.verified;
    const gain = v?.status === 'ok' ? v.gain : null;
    return {
      aux: r.aux,
      rank: r.rank,
      probability: r.probability,
      gain,
      measured: v === null ? 'not trained' : v.status === 'ok' ? (v.label === 1 ? 'gain' : 'no gain') : 'not measured',
      gainText: gain === null ? '—' : formatGain(gain),
      pushedBy: pushedMost(r).map((c) => `${c.feature} ${c.contribution >= 0 ? '+' : '−'}${Math.abs(c.contribution).toFixed(2)}`).join(', '),
    };
  });
}

/**
 * The ranking as bars of P(gain), most recommended on top; when pairs were trained, a second panel with the
 * gain each one measured (blue helped, red hurt), so prediction and outcome read side by side.
 */
export function buildRecommendationRankingSpec(recommendation: Recommendation): TopLevelSpec {
  const rows = rankingRows(recommendation);
  const y = { field: 'aux', type: 'nominal', title: 'auxiliary task', sort: rows.map((r) => r.aux) } as const;
  const height = { step: 26 };
  const tooltip = [
    { field: 'rank', title: 'rank' },
    { field: 'aux', title: 'auxiliary task' },
    { field: 'probability', title: 'P(gain)', format: '.2f' },
    { field: 'pushedBy', title: 'pushed most by' },
    { field: 'gainText', title: 'measured gain' },
  ];
  const predicted: LayerSpec<Field> = {
    data: { values: rows },
    width: 300,
    height,
    layer: [
      {
        mark: { type: 'bar', color: '#4e79a7' },
        encoding: { y, x: { field: 'probability', type: 'quantitative', title: 'predicted P(gain)', scale: { domain: [0, 1] }, axis: { values: [0, 0.25, 0.5, 0.75, 1], format: '.2~f' } }, tooltip },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { y, x: { field: 'probability', type: 'quantitative' }, text: { field: 'probability', format: '.2f' } } },
      { mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { x: { datum: 0.5 } } },
    ],
  };
  const title = {
    text: `Which auxiliary tasks for ${recommendation.task.name}?`,
    subtitle: `Meta-model fitted on the ${recommendation.model.trainingPairs} pairs of study ${recommendation.study}; dashed: P = 0.5.`,
  };
  const base = { $schema: VEGA_LITE_SCHEMA, config: reportConfig, title };
  if (!rows.some((r) => r.gain !== null)) return { ...base, ...predicted };
  const yHidden = { ...y, axis: { labels: false, title: null, ticks: false } };
  const measured: LayerSpec<Field> = {
    data: { values: rows },
    width: 240,
    height,
    layer: [
      {
        transform: [{ filter: 'datum.gain !== null' }],
        mark: { type: 'bar' },
        encoding: {
          y: yHidden,
          x: { field: 'gain', type: 'quantitative', title: 'measured relative gain', axis: { format: '+.1~%' } },
          color: { condition: { test: 'datum.gain < 0', value: NEGATIVE_COLOR }, value: POSITIVE_COLOR },
          tooltip,
        },
      },
      {
        transform: [{ filter: 'datum.gain === null' }],
        mark: { type: 'text', align: 'left', dx: 4, color: '#888', fontSize: 11 },
        encoding: { y: yHidden, x: { datum: 0 }, text: { field: 'measured' } },
      },
      { mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: 0 } } },
    ],
  };
  return { ...base, spacing: 24, hconcat: [predicted, measured] };
}
