import type { Rng } from '../../shared/random.js';

/**
 * Inverted-dropout mask: each entry is 0 with probability `rate`, else 1 / (1 − rate), so expected activations
 * are unchanged and evaluation needs no rescaling. Null when rate is 0 (nothing to draw or multiply).
 */
export function dropoutMask(rng: Rng, count: number, rate: number): Float32Array | null {
  if (rate === 0) return null;
  const keep = 1 / (1 - rate);
  const mask = new Float32Array(count);
  for (let i = 0; i < count; i++) mask[i] = rng.next() < rate ? 0 : keep;
  return mask;
}
