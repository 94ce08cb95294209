import * as tf from '@tensorflow/tfjs';
import { wasmKernelsInUse } from '../engine/wasmKernels/registerWasmKernels.js';
import { taskrelVersion } from '../packageInfo.js';

/** Versions that determine a run's numbers, recorded with every run for reproducibility. */
export async function runVersions(backend: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {
    taskrel: taskrelVersion,
    node: process.versions.node,
    '@tensorflow/tfjs': tf.version.tfjs,
  };
  if (backend === 'wasm') {
    versions['@tensorflow/tfjs-backend-wasm'] = (await import('@tensorflow/tfjs-backend-wasm')).version_wasm;
    // Relaxed SIMD fuses multiply-adds, so its numbers differ from the plain build's in the last bits.
    versions['taskrel wasm kernels'] = await wasmKernelsInUse();
  }
  if (backend === 'tensorflow') versions['@tensorflow/tfjs-node'] = tf.version_core;
  return versions;
}
