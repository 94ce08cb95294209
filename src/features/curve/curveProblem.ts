import type { Curve } from '../../engine/trainingResult.js';

/**
 * Why a loss curve cannot be used for curve features, or undefined when it can: it needs at least `minPoints`
 * points, finite values and strictly increasing steps.
 */
export function curveProblem(curve: Curve, minPoints: number): string | undefined {
  const { step, loss } = curve;
  if (step.length !== loss.length) return `${step.length} steps but ${loss.length} losses`;
  if (step.length < minPoints) return `${step.length} curve points, at least ${minPoints} needed`;
  for (let i = 0; i < step.length; i++) {
    if (!Number.isFinite(step[i]) || !Number.isFinite(loss[i])) return `non-finite value at point ${i}`;
    if (i > 0 && step[i] <= step[i - 1]) return `steps not increasing at point ${i}`;
  }
  return undefined;
}
