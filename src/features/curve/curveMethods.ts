import type { Curve } from '../../engine/trainingResult.js';
import type { CurveFeatureMode } from '../taskFeatures.js';
import { type GradientPercent, curveGradients } from './curveGradients.js';
import { curveProblem } from './curveProblem.js';
import { fitLogCurve } from './logCurveFit.js';
import { paperGradients } from './paperGradients.js';
import { fitPaperLogCurve } from './paperLogFit.js';

/** One curve's log fit as a mode reports it: its two feature values (in LogFitFeatureNames order), or why not. */
export type CurveFit = { ok: true; values: [number, number]; rmse: number; note?: string } | { ok: false; reason: string };

/** How a curve-feature mode reads one loss curve: its gradients (or why there are none) and its log fit. */
export interface CurveMethod {
  gradients(curve: Curve): Record<GradientPercent, number> | string;
  fit(curve: Curve): CurveFit;
}

export const curveMethods: Record<CurveFeatureMode, CurveMethod> = {
  taskrel: {
    gradients: (curve) => curveProblem(curve, 3) ?? curveGradients(curve),
    fit(curve) {
      const fit = fitLogCurve(curve);
      if (!fit.ok) return fit;
      // The feature is the distance from the logarithm's origin (x = −k) to the first point, x₀ + k: positive even
      // for a curve logarithmic from its first point (k = 0), so main/aux ratios of it are defined too.
      const knee = curve.step[0] + fit.knee;
      return { ok: true, values: [fit.a, knee], rmse: fit.rmse, ...(fit.boundary ? { note: fit.boundary } : {}) };
    },
  },
  paper: {
    gradients: paperGradients,
    fit(curve) {
      const fit = fitPaperLogCurve(curve);
      if (!fit.ok) return fit;
      return { ok: true, values: [fit.b, fit.c], rmse: fit.rmse, ...(fit.edge ? { note: fit.edge } : {}) };
    },
  },
};
