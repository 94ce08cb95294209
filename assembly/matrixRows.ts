import { load4, store4 } from './simd';

/** dst[j] = Σ_r src[r·cols + j] (+ dst[j] when `accumulate`) for the rows × cols matrix at src. */
export function columnSums(src: usize, rows: i32, cols: i32, dst: usize, accumulate: bool): void {
  const rowBytes = <usize>cols << 2;
  for (let j = 0; j < cols; j += 4) {
    const n = cols - j;
    let p = src + (<usize>j << 2);
    let sum = accumulate ? load4(dst + (<usize>j << 2), n) : f32x4.splat(0);
    for (let r = 0; r < rows; r++) {
      sum = f32x4.add(sum, load4(p, n));
      p += rowBytes;
    }
    store4(dst + (<usize>j << 2), sum, n);
  }
}

/** Row q of the n × width matrix at src to row rows[q] of the matrix at dst (same width). */
export function scatterRows(src: usize, width: i32, rows: usize, n: i32, dst: usize): void {
  const rowBytes = <usize>width << 2;
  for (let q = 0; q < n; q++) {
    memory.copy(dst + <usize>load<i32>(rows + (<usize>q << 2)) * rowBytes, src + <usize>q * rowBytes, rowBytes);
  }
}
