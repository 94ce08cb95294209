import type { Curve } from '../../engine/trainingResult.js';
import type { CurveFeatureName, CurveFitStatus } from '../taskFeatures.js';
import { GradientPercents } from '../taskFeatures.js';
import { curveGradients } from './curveGradients.js';
import { curveProblem } from './curveProblem.js';
import { fitLogCurve } from './logCurveFit.js';

export interface CurveFeatureResult {
  values: Partial<Record<CurveFeatureName, number>>;
  missing: Partial<Record<CurveFeatureName, string>>;
  curveFit: CurveFitStatus;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Curve features of a task from its single-task loss curves, one per seed. Each feature is the mean over the
 * curves where it could be computed: seeds are repeated measurements of the same task, and a failed fit of
 * one seed should not erase the others. A fit whose c ran off to infinity still gives a (see LogCurveFit).
 */
export function curveFeatures(curves: readonly Curve[]): CurveFeatureResult {
  const result: CurveFeatureResult = {
    values: {},
    missing: {},
    curveFit: { status: 'absent', curves: curves.length, fitted: 0, rmse: [], failures: [] },
  };
  const usable = curves.filter((curve) => curveProblem(curve, 3) === undefined);
  const gradients = usable.map(curveGradients);
  for (const percent of GradientPercents) {
    const name = `gradient_${percent}` as const;
    if (gradients.length > 0) result.values[name] = mean(gradients.map((g) => g[percent]));
    else if (curves.length === 0) result.missing[name] = 'no single-task run';
    else result.missing[name] = `unusable curve: ${curveProblem(curves[0], 3)}`;
  }

  const a: number[] = [];
  const c: number[] = [];
  for (const curve of curves) {
    const fit = fitLogCurve(curve);
    if (fit.ok) {
      a.push(fit.a);
      c.push(fit.c);
      result.curveFit.rmse.push(fit.rmse);
    } else {
      if (fit.a !== undefined) a.push(fit.a);
      result.curveFit.failures.push(fit.reason);
    }
  }
  result.curveFit.fitted = c.length;
  if (curves.length > 0) {
    result.curveFit.status = c.length === curves.length ? 'ok' : c.length > 0 ? 'partial' : 'failed';
  }
  const reason = curves.length === 0 ? 'no single-task run' : `log-curve fit failed: ${result.curveFit.failures[0]}`;
  if (a.length > 0) result.values.curve_a = mean(a);
  else result.missing.curve_a = reason;
  if (c.length > 0) result.values.curve_c = mean(c);
  else result.missing.curve_c = reason;
  return result;
}
