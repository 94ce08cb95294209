import type { Curve } from '../../engine/trainingResult.js';
import type { CurveFeatureMode, CurveFeatureName, CurveFitStatus } from '../taskFeatures.js';
import { GradientPercents, LogFitFeatureNames } from '../taskFeatures.js';
import { curveMethods } from './curveMethods.js';

export interface CurveFeatureResult {
  values: Partial<Record<CurveFeatureName, number>>;
  missing: Partial<Record<CurveFeatureName, string>>;
  curveFit: CurveFitStatus;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** "2 of 3 curves: why" for each distinct statement, in order of first appearance. */
function tally(statements: readonly string[], curves: number): string[] {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} of ${curves} curve${curves === 1 ? '' : 's'}: ${s}`);
}

/**
 * Curve features of a task in one mode, from its single-task loss curves, one per seed. Each feature is the mean
 * over the curves where it could be computed: seeds are repeated measurements of the same task, and a failed
 * fit of one seed should not erase the others.
 */
export function curveFeatures(curves: readonly Curve[], mode: CurveFeatureMode): CurveFeatureResult {
  const method = curveMethods[mode];
  const result: CurveFeatureResult = {
    values: {},
    missing: {},
    curveFit: { status: 'absent', curves: curves.length, fitted: 0, rmse: [], failures: [], notes: [] },
  };
  const gradients = curves.map((curve) => method.gradients(curve));
  const usable = gradients.filter((g) => typeof g !== 'string');
  for (const percent of GradientPercents) {
    const name = `gradient_${percent}` as const;
    if (usable.length > 0) result.values[name] = mean(usable.map((g) => g[percent]));
    else if (curves.length === 0) result.missing[name] = 'no single-task run';
    else result.missing[name] = `unusable curve: ${gradients[0] as string}`;
  }

  const fitted: [number, number][] = [];
  const notes: string[] = [];
  for (const curve of curves) {
    const fit = method.fit(curve);
    if (fit.ok) {
      fitted.push(fit.values);
      result.curveFit.rmse.push(fit.rmse);
      if (fit.note !== undefined) notes.push(fit.note);
    } else result.curveFit.failures.push(fit.reason);
  }
  result.curveFit.fitted = fitted.length;
  result.curveFit.notes = tally(notes, curves.length);
  if (curves.length > 0) {
    result.curveFit.status = fitted.length === curves.length ? 'ok' : fitted.length > 0 ? 'partial' : 'failed';
  }
  const reason = curves.length === 0 ? 'no single-task run' : `log-curve fit failed: ${result.curveFit.failures[0]}`;
  LogFitFeatureNames[mode].forEach((name, j) => {
    if (fitted.length > 0) result.values[name] = mean(fitted.map((values) => values[j]));
    else result.missing[name] = reason;
  });
  return result;
}
