import type * as tf from '@tensorflow/tfjs';
import { type KernelModule, kernelsOn } from './kernelModule.js';
import { WasmHeap } from './wasmHeap.js';

/**
 * BatchMatMul on the wasm backend for a single matrix product (batch 1, e.g. a head's logits and both of their
 * weight gradients) through the packed SIMD GEMM, which folds transposeA/transposeB into its packing instead of
 * copying a transposed operand. Batched products go to the kernel registered before, which `fallback` is.
 */
export function packedMatMulKernel({ module }: KernelModule, fallback: tf.KernelConfig): tf.KernelConfig {
  return {
    ...fallback,
    kernelFunc: (args) => {
      const { a, b } = args.inputs as Record<'a' | 'b', tf.TensorInfo>;
      const batch = (t: tf.TensorInfo): number => t.shape.slice(0, -2).reduce((n, d) => n * d, 1);
      if (a.dtype !== 'float32' || b.dtype !== 'float32' || batch(a) !== 1 || batch(b) !== 1) return fallback.kernelFunc(args);
      const transposeA = args.attrs?.transposeA === true;
      const transposeB = args.attrs?.transposeB === true;
      const [aRows, aCols] = a.shape.slice(-2);
      const [bRows, bCols] = b.shape.slice(-2);
      const [M, K] = transposeA ? [aCols, aRows] : [aRows, aCols];
      const N = transposeB ? bRows : bCols;
      if ((transposeB ? bCols : bRows) !== K) {
        throw new Error(
          `matMul: inner dimensions of ${a.shape} and ${b.shape} (transposeA ${transposeA}, transposeB ${transposeB}) differ`,
        );
      }
      const heap = WasmHeap.of(args.backend);
      const kernels = kernelsOn(module, heap.memory);
      const rank = Math.max(a.shape.length, b.shape.length);
      const out = heap.output([...new Array<number>(rank - 2).fill(1), M, N]);
      const scratch = heap.scratch({ packedA: kernels.packedASize(M, K), packedB: kernels.packedBSize(K, N) });
      try {
        // A(i, k) = a[i][k], or a[k][i] when transposed; likewise B(k, j).
        kernels.packA(heap.offset(a), transposeA ? 1 : aCols, transposeA ? aCols : 1, M, K, scratch.at.packedA);
        kernels.packB(heap.offset(b), transposeB ? 1 : bCols, transposeB ? bCols : 1, K, N, scratch.at.packedB);
        kernels.gemm(scratch.at.packedA, scratch.at.packedB, M, N, K, heap.offset(out), N, false, 0);
      } finally {
        scratch.free();
      }
      return out;
    },
  };
}
