import { load4, madd, transpose4 } from './simd';

// C = A·B for float32 matrices, BLIS-style: both operands are first packed into panels (A: 4 rows, B: 8 columns,
// each k-major and zero-padded to full width), so one register tile of 4×8 results (8 f32x4 accumulators, within
// the 16 xmm registers V8 allocates on x64) sweeps contiguous memory with no edge cases inside the loop.
// Packing also absorbs transposition: a matrix is described by its element strides, so Aᵀ or Bᵀ is packed directly.

/** k-block: a 4×KC slice of A and a KC×8 slice of B (12 KiB together) stay in L1 while tiles sweep them. */
@inline const KC = 256;

/** Row block: its slice of C (MC×N) is finished before the next one starts, while the B panels stream from L2. */
@inline const MC = 128;

/** Floats of a packA result for an M×K matrix. */
export function packedASize(M: i32, K: i32): i32 {
  return ((M + 3) & ~3) * K;
}

/** Floats of a packB result for a K×N matrix. */
export function packedBSize(K: i32, N: i32): i32 {
  return ((N + 7) & ~7) * K;
}

/**
 * Packs the M×K matrix whose element (i, k) is the float at src + 4·(i·rowStride + k·colStride) into panels of 4 rows:
 * dst[(i / 4)·4K + 4k + i % 4]; rows past M are zero.
 */
export function packA(src: usize, rowStride: i32, colStride: i32, M: i32, K: i32, dst: usize): void {
  for (let i0 = 0; i0 < M; i0 += 4) {
    const rows = min(4, M - i0);
    let k = 0;
    if (rows == 4 && colStride == 1) {
      const stride = <usize>rowStride << 2;
      for (; k + 4 <= K; k += 4) {
        transpose4(src + (<usize>(i0 * rowStride + k) << 2), stride, dst, 16);
        dst += 64;
      }
    } else if (rows == 4 && rowStride == 1) {
      for (; k < K; k++) {
        v128.store(dst, v128.load(src + (<usize>(k * colStride + i0) << 2)));
        dst += 16;
      }
    }
    for (; k < K; k++) {
      for (let r = 0; r < 4; r++) {
        store<f32>(dst, r < rows ? load<f32>(src + (<usize>((i0 + r) * rowStride + k * colStride) << 2)) : 0);
        dst += 4;
      }
    }
  }
}

/**
 * packA of the M×K matrix whose column k is row rows[k] of the row-major matrix at src (columns [0, M) of it), or
 * zeros where rows[k] < 0: the transpose of a gathered row set, as the left operand of a weight gradient.
 */
export function packATRows(src: usize, rowStride: i32, rows: usize, M: i32, K: i32, dst: usize): void {
  const stride = <usize>rowStride << 2;
  for (let i0 = 0; i0 < M; i0 += 4) {
    const n = min(4, M - i0);
    const column = src + (<usize>i0 << 2);
    for (let k = 0; k < K; k++) {
      const row = load<i32>(rows + (<usize>k << 2));
      v128.store(dst, row < 0 ? f32x4.splat(0) : load4(column + <usize>row * stride, n));
      dst += 16;
    }
  }
}

/**
 * Packs the K×N matrix whose element (k, j) is the float at src + 4·(k·rowStride + j·colStride) into panels of 8
 * columns: dst[(j / 8)·8K + 8k + j % 8]; columns past N are zero.
 */
export function packB(src: usize, rowStride: i32, colStride: i32, K: i32, N: i32, dst: usize): void {
  for (let j0 = 0; j0 < N; j0 += 8) {
    const cols = min(8, N - j0);
    let k = 0;
    if (cols == 8 && colStride == 1) {
      for (; k < K; k++) {
        const p = src + (<usize>(k * rowStride + j0) << 2);
        v128.store(dst, v128.load(p));
        v128.store(dst, v128.load(p, 16), 16);
        dst += 32;
      }
    } else if (cols == 8 && rowStride == 1) {
      const stride = <usize>colStride << 2;
      for (; k + 4 <= K; k += 4) {
        const p = src + (<usize>(j0 * colStride + k) << 2);
        transpose4(p, stride, dst, 32);
        transpose4(p + 4 * stride, stride, dst + 16, 32);
        dst += 128;
      }
    }
    for (; k < K; k++) {
      for (let c = 0; c < 8; c++) {
        store<f32>(dst, c < cols ? load<f32>(src + (<usize>(k * rowStride + (j0 + c) * colStride) << 2)) : 0);
        dst += 4;
      }
    }
  }
}

/**
 * C = A·B (+ C when `accumulate`) (+ bias[j] on every row when `bias` ≠ 0) for A packed by packA (M×K) and B by
 * packB (K×N); C is M×N with row stride ldc floats.
 */
export function gemm(pa: usize, pb: usize, M: i32, N: i32, K: i32, c: usize, ldc: i32, accumulate: bool, bias: usize): void {
  let k0 = 0;
  do {
    const kc = min(KC, K - k0);
    const add = accumulate || k0 > 0;
    for (let i1 = 0; i1 < M; i1 += MC) {
      const iEnd = min(M, i1 + MC);
      for (let j0 = 0; j0 < N; j0 += 8) {
        const b = pb + (<usize>(j0 * K + k0 * 8) << 2);
        const biasHere = bias != 0 && k0 == 0 ? bias + (<usize>j0 << 2) : 0;
        for (let i0 = i1; i0 < iEnd; i0 += 4) {
          const a = pa + (<usize>(i0 * K + k0 * 4) << 2);
          tile(a, b, kc, c + (<usize>(i0 * ldc + j0) << 2), <usize>ldc << 2, min(4, M - i0), min(8, N - j0), add, biasHere);
        }
      }
    }
    k0 += kc;
  } while (k0 < K);
}

/** One 4×8 tile of C from kc steps of packed panels `a` and `b`; rows × cols of it are stored. */
function tile(a: usize, b: usize, kc: i32, c: usize, rowBytes: usize, rows: i32, cols: i32, accumulate: bool, bias: usize): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let x = v128.load32_splat(a);
    c00 = madd(x, b0, c00);
    c01 = madd(x, b1, c01);
    x = v128.load32_splat(a, 4);
    c10 = madd(x, b0, c10);
    c11 = madd(x, b1, c11);
    x = v128.load32_splat(a, 8);
    c20 = madd(x, b0, c20);
    c21 = madd(x, b1, c21);
    x = v128.load32_splat(a, 12);
    c30 = madd(x, b0, c30);
    c31 = madd(x, b1, c31);
    a += 16;
    b += 32;
  }
  if (rows == 4 && cols == 8) {
    const bias0 = bias != 0 ? v128.load(bias) : f32x4.splat(0);
    const bias1 = bias != 0 ? v128.load(bias, 16) : f32x4.splat(0);
    storeRow(c, f32x4.add(c00, bias0), f32x4.add(c01, bias1), accumulate);
    storeRow(c + rowBytes, f32x4.add(c10, bias0), f32x4.add(c11, bias1), accumulate);
    storeRow(c + 2 * rowBytes, f32x4.add(c20, bias0), f32x4.add(c21, bias1), accumulate);
    storeRow(c + 3 * rowBytes, f32x4.add(c30, bias0), f32x4.add(c31, bias1), accumulate);
    return;
  }
  storeRowPart(c, c00, c01, cols, accumulate, bias);
  if (rows > 1) storeRowPart(c + rowBytes, c10, c11, cols, accumulate, bias);
  if (rows > 2) storeRowPart(c + 2 * rowBytes, c20, c21, cols, accumulate, bias);
  if (rows > 3) storeRowPart(c + 3 * rowBytes, c30, c31, cols, accumulate, bias);
}

@inline
function storeRow(p: usize, v0: v128, v1: v128, accumulate: bool): void {
  if (accumulate) {
    v0 = f32x4.add(v0, v128.load(p));
    v1 = f32x4.add(v1, v128.load(p, 16));
  }
  v128.store(p, v0);
  v128.store(p, v1, 16);
}

/** The first `cols` of a tile row, element by element: touches no memory past them (C's or the bias's). */
function storeRowPart(p: usize, v0: v128, v1: v128, cols: i32, accumulate: bool, bias: usize): void {
  storeLane(p, f32x4.extract_lane(v0, 0), accumulate, bias);
  if (cols > 1) storeLane(p + 4, f32x4.extract_lane(v0, 1), accumulate, bias == 0 ? 0 : bias + 4);
  if (cols > 2) storeLane(p + 8, f32x4.extract_lane(v0, 2), accumulate, bias == 0 ? 0 : bias + 8);
  if (cols > 3) storeLane(p + 12, f32x4.extract_lane(v0, 3), accumulate, bias == 0 ? 0 : bias + 12);
  if (cols > 4) storeLane(p + 16, f32x4.extract_lane(v1, 0), accumulate, bias == 0 ? 0 : bias + 16);
  if (cols > 5) storeLane(p + 20, f32x4.extract_lane(v1, 1), accumulate, bias == 0 ? 0 : bias + 20);
  if (cols > 6) storeLane(p + 24, f32x4.extract_lane(v1, 2), accumulate, bias == 0 ? 0 : bias + 24);
  if (cols > 7) storeLane(p + 28, f32x4.extract_lane(v1, 3), accumulate, bias == 0 ? 0 : bias + 28);
}

@inline
function storeLane(p: usize, value: f32, accumulate: bool, bias: usize): void {
  if (bias != 0) value += load<f32>(bias);
  if (accumulate) value += load<f32>(p);
  store<f32>(p, value);
}
