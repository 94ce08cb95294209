import * as tf from '@tensorflow/tfjs';
import { specError } from '../errors.js';
import { registerWasmFixes } from './kernels/wasmFixes.js';
import { registerWasmKernels } from './wasmKernels/registerWasmKernels.js';

/** tfjs backends the engine trains on, fastest first. */
export const BackendNames = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BackendNames)[number];

/** Each loader makes its backend available to tfjs, or returns false when it cannot load here. */
const loaders: Record<BackendName, () => Promise<boolean>> = {
  tensorflow: async () => {
    // Dynamic specifier: tfjs-node is optional. npm may alias it to plain tfjs (danfojs-node's override), which
    // loads fine but registers no native backend, so what counts is whether the backend exists afterwards.
    const nativeModule = '@tensorflow/tfjs-node';
    try {
      await import(nativeModule);
    } catch {
      return false;
    }
    return tf.engine().registryFactory.tensorflow !== undefined;
  },
  wasm: async () => {
    try {
      await import('@tensorflow/tfjs-backend-wasm');
    } catch {
      return false;
    }
    registerWasmFixes();
    // After the fixes: the kernels wrap the BatchMatMul registered at this point. 'off' keeps tfjs's own kernels,
    // to compare numbers or speed with the standard-ops path.
    if (process.env.TASKREL_WASM_KERNELS !== 'off') await registerWasmKernels();
    return true;
  },
  cpu: async () => true,
};

/**
 * Makes `preference` (or, without one, the fastest backend that loads: tensorflow, then wasm, then cpu) the
 * active tfjs backend and returns its name. Idempotent: later calls keep the active backend when it matches.
 */
export async function selectBackend(preference?: BackendName): Promise<BackendName> {
  const candidates = preference === undefined ? BackendNames : [preference];
  for (const name of candidates) {
    // engine().backendName, unlike getBackend(), does not initialise a default backend as a side effect.
    if (tf.engine().backendName === name) return name;
    if (!(await loaders[name]())) continue;
    if (await tf.setBackend(name)) return name;
  }
  throw specError('backend', `'${preference}' could not be loaded here; expected one of ${BackendNames.join(', ')} that loads`);
}
