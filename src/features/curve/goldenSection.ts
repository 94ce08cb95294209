const invPhi = (Math.sqrt(5) - 1) / 2;

/**
 * Minimum of a unimodal function on [low, high] by golden-section search, to an interval width of `tolerance`.
 *
 * Kept rather than scijs's minimize-golden-section-1d (measured on the reference study's 20 interior log-curve
 * fits): the package returns the final interval's midpoint instead of its better point, so every fitted knee moved
 * (up to 8.9e-7 relative; `a` up to 3.3e-9), which rewrites every features.csv, pairs.csv and meta.json, while the
 * fit got no better (RMSE higher in 18 of 20 fits, equal in 2, by at most 1.1e-15 relative).
 */
export function goldenSection(f: (x: number) => number, low: number, high: number, tolerance: number): number {
  let a = low;
  let b = high;
  let x1 = b - invPhi * (b - a);
  let x2 = a + invPhi * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  while (b - a > tolerance) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - invPhi * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + invPhi * (b - a);
      f2 = f(x2);
    }
  }
  return f1 <= f2 ? x1 : x2;
}
