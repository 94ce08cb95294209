import type { Config } from 'vega-lite';
import type { Field } from 'vega-lite/build/src/channeldef.js';
import type { LayerSpec } from 'vega-lite/build/src/spec/layer.js';
import type { UnitSpec } from 'vega-lite/build/src/spec/unit.js';

/** Every chart names the vega-lite major version it was written for; vega-embed warns when the runtime differs. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** One look for every chart: readable sizes, no chart border, room for long task and feature names. */
export const reportConfig: Config = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: null },
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelLimit: 180, titlePadding: 10 },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelLimit: 260 },
};

/** Diverging colours for signed values: red below 0, blue above, white at 0. */
export const DIVERGING_SCHEME = 'redblue';
export const POSITIVE_COLOR = '#2166ac';
export const NEGATIVE_COLOR = '#b2182b';

/** Task names in the order every chart shows them. */
export function sortedNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en'));
}

/** Largest |value|, never 0, so a symmetric colour domain [−m, m] is always valid. */
export function symmetricExtent(values: number[]): number {
  const m = Math.max(0, ...values.map((v) => Math.abs(v)).filter(Number.isFinite));
  return m > 0 ? m : 0.01;
}

/**
 * A dashed reference line at `value` layered over a chart: the baseline a score must beat. Horizontal on the
 * y axis; vertical on the x axis, where `label` (if given) sits at its top.
 */
export function baselineLayer(value: number, axis: 'x' | 'y' = 'y', label = ''): LayerSpec<Field> {
  const position = { [axis]: { field: 'value', type: 'quantitative' } } as const;
  const rule: UnitSpec<Field> = { mark: { type: 'rule', strokeDash: [6, 4], color: NEGATIVE_COLOR, strokeWidth: 1.5 }, encoding: position };
  const text: UnitSpec<Field> = {
    mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: 0, dy: -2, color: NEGATIVE_COLOR, fontSize: 11 },
    encoding: { ...position, text: { field: 'label' } },
  };
  return { data: { values: [{ value, label }] }, layer: axis === 'x' && label !== '' ? [rule, text] : [rule] };
}
