import type { Curve } from '../../engine/trainingResult.js';
import { GradientPercents } from '../taskFeatures.js';
import type { GradientPercent } from './curveGradients.js';
import { curveProblem } from './curveProblem.js';

/** The notebook's gradient at 10 % reads point ⌊n/10⌋ − 1, so it needs n ≥ 10 recorded points. */
export const PAPER_GRADIENT_POINTS = 10;

/**
 * The loss gradients of Bingel & Søgaard's notebook: at p ∈ {10, 20, 30, 50, 70}, with i = ⌊n·p/100⌋ over all n
 * recorded points, (L[i+1] − L[i−1]) / (s[i+1] − s[i−1]). Unlike taskrel's gradients the position is a share of
 * the points, not of the steps (the same when points are evenly spaced), and a point later. The reason when the
 * curve cannot give them.
 */
export function paperGradients(curve: Curve): Record<GradientPercent, number> | string {
  const problem = curveProblem(curve, PAPER_GRADIENT_POINTS);
  if (problem !== undefined) return problem;
  const { step, loss } = curve;
  const n = step.length;
  const gradients = {} as Record<GradientPercent, number>;
  for (const percent of GradientPercents) {
    const i = Math.floor((n * percent) / 100);
    gradients[percent] = (loss[i + 1] - loss[i - 1]) / (step[i + 1] - step[i - 1]);
  }
  return gradients;
}
