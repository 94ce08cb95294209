import * as tf from '@tensorflow/tfjs';
import { registerBiLstmKernel } from '../kernels/biLstmKernel.js';
import { biLstmBackwardKernel } from './biLstmBackwardKernel.js';
import { biLstmForwardKernel } from './biLstmForwardKernel.js';
import { compileKernelModule, type KernelVariant } from './kernelModule.js';
import { packedMatMulKernel } from './packedMatMulKernel.js';
import { wasmBiLstm } from './wasmBiLstm.js';

let registered: Promise<KernelVariant> | undefined;

/**
 * Registers the SIMD WebAssembly kernels with tfjs for the 'wasm' backend: the fused BiLSTM's forward and backward
 * passes (and makes them the BiLSTM kernel there), and single-matrix BatchMatMul (wrapping the BatchMatMul kernel
 * registered at the time of the call, which keeps batched products). Call once the wasm backend has loaded (it
 * need not be active yet) and after other patches of BatchMatMul; later calls do nothing. Returns the build in use.
 */
export function registerWasmKernels(): Promise<KernelVariant> {
  registered ??= (async () => {
    const module = await compileKernelModule();
    const matMul = tf.getKernel('BatchMatMul', 'wasm');
    if (matMul === undefined) throw new Error('wasm kernels: load @tensorflow/tfjs-backend-wasm before registering them');
    tf.registerKernel(biLstmForwardKernel(module));
    tf.registerKernel(biLstmBackwardKernel(module));
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel(packedMatMulKernel(module, matMul));
    registerBiLstmKernel('wasm', wasmBiLstm);
    return module.variant;
  })();
  return registered;
}

/** The kernel build the wasm backend trains with in this process, or 'off' when tfjs's own kernels do. */
export async function wasmKernelsInUse(): Promise<KernelVariant | 'off'> {
  return registered === undefined ? 'off' : registered;
}
