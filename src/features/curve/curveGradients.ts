import type { Curve } from '../../engine/trainingResult.js';
import { GradientPercents } from '../taskFeatures.js';
import { curveProblem } from './curveProblem.js';

export type GradientPercent = (typeof GradientPercents)[number];

/**
 * Index of the curve point nearest to `percent` % of training, measured in steps from 0 to the last recorded
 * step (ties go to the earlier point).
 */
export function pointAtPercent(steps: readonly number[], percent: number): number {
  const target = (percent / 100) * steps[steps.length - 1];
  let best = 0;
  for (let i = 1; i < steps.length; i++) {
    if (Math.abs(steps[i] - target) < Math.abs(steps[best] - target)) best = i;
  }
  return best;
}

/**
 * Slope of the loss curve (loss per step) at 10, 20, 30, 50 and 70 % of training: the central difference of
 * the neighbours of the nearest point, one-sided at the curve's ends. Throws on a curve `curveProblem` rejects.
 */
export function curveGradients(curve: Curve): Record<GradientPercent, number> {
  const problem = curveProblem(curve, 3);
  if (problem !== undefined) throw new Error(`curveGradients: ${problem}`);
  const { step, loss } = curve;
  const last = step.length - 1;
  const gradients = {} as Record<GradientPercent, number>;
  for (const percent of GradientPercents) {
    const i = pointAtPercent(step, percent);
    const before = Math.max(0, i - 1);
    const after = Math.min(last, i + 1);
    gradients[percent] = (loss[after] - loss[before]) / (step[after] - step[before]);
  }
  return gradients;
}
