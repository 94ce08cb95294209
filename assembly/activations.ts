import { madd } from './simd';

// Lane-wise exp, sigmoid and tanh for the LSTM gates. tfjs' wasm tanh is scalar and Math.exp is not vectorisable,
// so these are the gates' main cost after the products; all are accurate to a few float32 ulps (absolute).

/**
 * e^x: Cephes' expf (x = n·ln2 + r with |r| ≤ ln2/2, degree-6 polynomial in r, times 2^n built in the exponent bits).
 * Inputs are clamped to ±87 so that 2^n stays a normal float; NaN stays NaN.
 */
@inline
export function exp4(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-87.0)), f32x4.splat(87.0));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = madd(p, r, f32x4.splat(1.3981999507e-3));
  p = madd(p, r, f32x4.splat(8.3334519073e-3));
  p = madd(p, r, f32x4.splat(4.1665795894e-2));
  p = madd(p, r, f32x4.splat(1.6666665459e-1));
  p = madd(p, r, f32x4.splat(5.0000001201e-1));
  p = f32x4.add(madd(p, f32x4.mul(r, r), r), f32x4.splat(1.0));
  // 2^n from the bits of n + 127 + 2^23, whose low mantissa bits hold n + 127 exactly (cheaper than a conversion).
  const scale = i32x4.shl(f32x4.add(n, f32x4.splat(8388735.0)), 23);
  return f32x4.mul(p, scale);
}

/** 1 / (1 + e^−x). */
@inline
export function sigmoid4(x: v128): v128 {
  const one = f32x4.splat(1.0);
  return f32x4.div(one, f32x4.add(one, exp4(f32x4.neg(x))));
}

/** 1 − 2 / (1 + e^2x): saturates to ±1 without overflow. */
@inline
export function tanh4(x: v128): v128 {
  const one = f32x4.splat(1.0);
  return f32x4.sub(one, f32x4.div(f32x4.splat(2.0), f32x4.add(one, exp4(f32x4.add(x, x)))));
}
