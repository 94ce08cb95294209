import type { TopLevelSpec } from 'vega-lite';
import type { FeatureSetName } from '../../meta/featureSets.js';
import type { MetaReport } from '../../meta/metaReport.js';
import { VEGA_LITE_SCHEMA, baselineLayer, reportConfig } from './common.js';

export const featureSetLabels: Record<FeatureSetName, string> = {
  all: 'all',
  data: 'dataset',
  curve: 'learning curve',
};

export const protocolLabels = { cv: 'repeated k-fold CV', lomo: 'leave one main task out' } as const;

export interface MetaScoreRow {
  set: string;
  protocol: string;
  metric: 'accuracy' | 'gain F1';
  value: number;
  /** Standard deviation over CV repetitions; null for leave-one-main-task-out (one score over all pairs). */
  sd: number | null;
}

/** The scores of every feature set that could be evaluated, flattened for charting. */
export function metaScoreRows(meta: MetaReport): MetaScoreRow[] {
  const rows: MetaScoreRow[] = [];
  for (const [name, evaluation] of Object.entries(meta.evaluations) as [FeatureSetName, MetaReport['evaluations'][FeatureSetName]][]) {
    if (evaluation.status !== 'ok') continue;
    const set = featureSetLabels[name];
    const cv = evaluation.crossValidation;
    if (cv.status === 'ok') {
      rows.push({ set, protocol: protocolLabels.cv, metric: 'accuracy', value: cv.accuracy.mean, sd: cv.accuracy.sd });
      if (cv.f1 !== null) rows.push({ set, protocol: protocolLabels.cv, metric: 'gain F1', value: cv.f1.mean, sd: cv.f1.sd });
    }
    const lomo = evaluation.leaveOneMainTaskOut;
    if (lomo.status === 'ok') {
      rows.push({ set, protocol: protocolLabels.lomo, metric: 'accuracy', value: lomo.accuracy, sd: null });
      if (lomo.f1 !== null) rows.push({ set, protocol: protocolLabels.lomo, metric: 'gain F1', value: lomo.f1, sd: null });
    }
  }
  return rows;
}

/**
 * Does the meta-model beat guessing? Accuracy and F1 of "gain" per feature set, for repeated CV (± sd over
 * repetitions) and leave-one-main-task-out, each panel with its baseline as a dashed line.
 */
export function buildMetaScoresSpec(meta: MetaReport): TopLevelSpec {
  const rows = metaScoreRows(meta).map((r) => ({
    ...r,
    low: r.sd === null ? null : r.value - r.sd,
    high: r.sd === null ? null : r.value + r.sd,
    spread: r.sd === null ? 'one score over all pairs' : r.sd.toFixed(3),
  }));
  const { repetitions, folds } = meta.protocol.crossValidation;
  const panels = [
    { metric: 'accuracy', baseline: meta.baselines.majorityAccuracy, baselineName: 'majority class' },
    { metric: 'gain F1', baseline: meta.baselines.alwaysGainF1, baselineName: 'always predicting “gain”' },
  ] as const;
  const x = {
    field: 'set',
    type: 'nominal',
    title: 'feature set',
    sort: Object.values(featureSetLabels),
    axis: { labelAngle: 0 },
  } as const;
  const xOffset = { field: 'protocol', type: 'nominal', sort: Object.values(protocolLabels) } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: reportConfig,
    title: {
      text: 'Meta-model: does it predict which pairs gain better than the baselines?',
      subtitle: `${repetitions} × ${folds}-fold CV (bars: mean, whiskers: ± sd over repetitions) and leave-one-main-task-out; dashed: baseline.`,
    },
    data: { values: rows },
    spacing: 40,
    hconcat: panels.map((panel) => ({
      width: 300,
      height: 220,
      title: {
        text: panel.metric,
        subtitle: panel.baseline === null ? 'no baseline: no pair gained' : `dashed: ${panel.baselineName}, ${panel.baseline.toFixed(2)}`,
        fontSize: 13,
      },
      transform: [{ filter: { field: 'metric', equal: panel.metric } }],
      layer: [
        {
          mark: { type: 'bar', width: { band: 0.9 } },
          encoding: {
            x,
            xOffset,
            y: { field: 'value', type: 'quantitative', title: panel.metric, scale: { domain: [0, 1] }, axis: { format: '.1f' } },
            color: {
              field: 'protocol',
              type: 'nominal',
              title: 'evaluation',
              sort: Object.values(protocolLabels),
              scale: { range: ['#4e79a7', '#f28e2b'] },
            },
            tooltip: [
              { field: 'set', title: 'features' },
              { field: 'protocol', title: 'evaluation' },
              { field: 'value', title: panel.metric, format: '.3f' },
              { field: 'spread', title: 'sd over repetitions' },
            ],
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: { x, xOffset, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
        },
        {
          mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: 11, color: 'white' },
          encoding: { x, xOffset, y: { datum: 0 }, text: { field: 'value', format: '.2f' } },
        },
        ...(panel.baseline === null ? [] : [baselineLayer(panel.baseline)]),
      ],
    })),
  };
}
