import type { Curve } from '../../engine/trainingResult.js';
import { curveProblem } from './curveProblem.js';
import { goldenSection } from './goldenSection.js';

/**
 * A least-squares fit of L(i) = a·ln(c·i + 1) + b to a loss curve (i = training step), or why there is none.
 *
 * The paper's form a·ln(c·i + d) + b has one parameter too many: (a, c, d, b) and (a, kc, kd, b − a·ln k) give
 * the same curve for every k > 0, so c alone is whatever the optimiser happened to stop at. Fixing d = 1 makes
 * every parameter identifiable (c here equals the paper's c/d): b is the loss at step 0, c the rate at which the
 * curve bends (1/c steps to the knee), a its height. c may be negative down to c·i_max > −1 (keeping c·i + 1 > 0).
 */
export type LogCurveFit =
  | { ok: true; a: number; b: number; c: number; rmse: number; r2: number }
  | {
      ok: false;
      reason: string;
      /**
       * Present when only c is lost: as c → ∞ the curve tends to a·ln(i) + b′ (the loss fell before the first
       * recorded step), whose a is still well defined.
       */
      a?: number;
    };

interface Profile {
  a: number;
  b: number;
  sse: number;
}

/** For fixed c the model is linear in a and b: solve them in closed form (variable projection). */
function profile(steps: readonly number[], loss: readonly number[], c: number): Profile {
  const n = steps.length;
  const g = steps.map((i) => Math.log1p(c * i));
  const meanG = g.reduce((s, x) => s + x, 0) / n;
  const meanL = loss.reduce((s, x) => s + x, 0) / n;
  let sgg = 0;
  let sgl = 0;
  for (let k = 0; k < n; k++) {
    sgg += (g[k] - meanG) ** 2;
    sgl += (g[k] - meanG) * (loss[k] - meanL);
  }
  const a = sgg > 0 ? sgl / sgg : 0;
  const b = meanL - a * meanG;
  // Summing residuals directly (not sll − a·sgl) keeps precision when the fit is nearly exact.
  let sse = 0;
  for (let k = 0; k < n; k++) sse += (loss[k] - a * g[k] - b) ** 2;
  return { a, b, sse };
}

/** One side of the search over c: c(t) for t in [from, to], and what it means when the best t is at `to`'s end. */
interface Branch {
  from: number;
  to: number;
  c(t: number): number;
  /** Why the fit fails when the best grid point is the branch's first / last point. */
  atFrom: string;
  atTo: string;
  /** Whether a keeps a finite limit when the best point is the last one. */
  aAtTo: boolean;
}

const GRID_STEP = 0.1;
const LINEAR =
  'the curve is a straight line (c → 0); a·ln(c·i + 1) then degenerates to a slope and a is unbounded';

function branches(steps: readonly number[]): Branch[] {
  const iMax = steps[steps.length - 1];
  const iMin = steps.find((i) => i > 0) ?? iMax;
  return [
    {
      // c > 0 from nearly linear (c·i_max = 1e-4) to a pure logarithm from the first point (c·i_min = 1e4).
      from: Math.log10(1e-4 / iMax),
      to: Math.log10(1e4 / iMin),
      c: (t) => 10 ** t,
      atFrom: LINEAR,
      atTo: 'the curve is a pure ln(i) from its first point (c → ∞), so c is not identified',
      aAtTo: true,
    },
    {
      // c < 0 with c·i_max = −u, u = logistic(t) from 1e-4 (nearly linear) to 1 − 1e-6 (singular at the
      // last point).
      from: Math.log(1e-4 / (1 - 1e-4)),
      to: Math.log((1 - 1e-6) / 1e-6),
      c: (t) => -1 / (1 + Math.exp(-t)) / iMax,
      atFrom: LINEAR,
      atTo: 'the fit puts a singularity at the last point (c·i_max → −1)',
      aAtTo: false,
    },
  ];
}

/** Fits the curve: a grid of starts over c on both signs, then golden-section refinement around the best. */
export function fitLogCurve(curve: Curve): LogCurveFit {
  const problem = curveProblem(curve, 4);
  if (problem !== undefined) return { ok: false, reason: problem };
  const { step, loss } = curve;
  if (step[0] < 0) return { ok: false, reason: 'negative training steps' };
  const mean = loss.reduce((s, x) => s + x, 0) / loss.length;
  const total = loss.reduce((s, x) => s + (x - mean) ** 2, 0);
  if (total <= 1e-24 * Math.max(1, mean * mean)) return { ok: false, reason: 'the loss is constant' };

  let best = { branch: branches(step)[0], t: 0, index: 0, points: 0, sse: Infinity };
  for (const branch of branches(step)) {
    const points = Math.ceil((branch.to - branch.from) / GRID_STEP) + 1;
    for (let k = 0; k < points; k++) {
      const t = branch.from + ((branch.to - branch.from) * k) / (points - 1);
      const { sse } = profile(step, loss, branch.c(t));
      if (sse < best.sse) best = { branch, t, index: k, points, sse };
    }
  }
  const { branch, index, points } = best;
  if (index === 0) return { ok: false, reason: branch.atFrom };
  if (index === points - 1) {
    if (!branch.aAtTo) return { ok: false, reason: branch.atTo };
    return { ok: false, reason: branch.atTo, a: profile(step, loss, branch.c(branch.to)).a };
  }
  const width = (branch.to - branch.from) / (points - 1);
  const t = goldenSection((x) => profile(step, loss, branch.c(x)).sse, best.t - width, best.t + width, 1e-12);
  const c = branch.c(t);
  const { a, b, sse } = profile(step, loss, c);
  return { ok: true, a, b, c, rmse: Math.sqrt(sse / step.length), r2: 1 - sse / total };
}
