import type { ImportanceView } from '../../features/modelViews/modelViews.js';

export const VARIANT_PARAM = 'importance';

/** How each importance variant is named in the charts' drop-downs and axes. */
export const variantLabels = {
  absSum: 'Σ |weights| (strength either way)',
  sum: 'Σ weights (the blog’s, signed)',
} as const;

/**
 * The drop-down that picks the importance variant a view-2 chart shows (|weights| first: it is the reproducible
 * one), and the filter that keeps that variant's rows; spread into a chart whose rows carry `variant`.
 */
export function importanceVariantPicker(views: readonly ImportanceView[]) {
  return {
    params: [
      {
        name: VARIANT_PARAM,
        value: views[0]?.variant ?? 'absSum',
        bind: {
          input: 'select' as const,
          options: views.map((v) => v.variant),
          labels: views.map((v) => variantLabels[v.variant]),
          name: 'importance ',
        },
      },
    ],
    transform: [{ filter: `datum.variant === ${VARIANT_PARAM}` }],
  };
}
