import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tQuantile } from './tDistribution.js';

/** A mean over seeds with its 95% t interval; the interval is null with fewer than two values. */
export interface MeanInterval {
  mean: number;
  low: number | null;
  high: number | null;
  n: number;
}

/** Mean ± t(0.975, n − 1) · s / √n: the interval around a relative gain over seeds, or around any score. */
export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (n === 0) throw new RangeError('meanInterval: no values');
  const m = mean([...values]);
  if (n < 2) return { mean: m, low: null, high: null, n };
  const halfWidth = (tQuantile(0.975, n - 1) * sampleStandardDeviation([...values])) / Math.sqrt(n);
  return { mean: m, low: m - halfWidth, high: m + halfWidth, n };
}
