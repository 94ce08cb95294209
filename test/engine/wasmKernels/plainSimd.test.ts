import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileKernelModule } from '../../../src/engine/wasmKernels/kernelModule.js';

// The relaxed build (fused multiply-adds) is the default wherever V8 runs it; TASKREL_WASM_KERNELS=simd selects the
// plain SIMD build, which machines without relaxed SIMD use. Set before any module is compiled, it makes this
// process load the plain build, and the equivalence tests below run on it.
process.env.TASKREL_WASM_KERNELS = 'simd';

test('TASKREL_WASM_KERNELS=simd loads the plain SIMD build', async () => {
  assert.equal((await compileKernelModule()).variant, 'simd');
});

await import('./wasmBiLstm.test.js');
