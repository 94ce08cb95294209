import * as tf from '@tensorflow/tfjs';
import { taskrelVersion } from '../packageInfo.js';

/** Versions that determine a run's numbers, recorded with every run for reproducibility. */
export async function runVersions(backend: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {
    taskrel: taskrelVersion,
    node: process.versions.node,
    '@tensorflow/tfjs': tf.version.tfjs,
  };
  if (backend === 'wasm') versions['@tensorflow/tfjs-backend-wasm'] = (await import('@tensorflow/tfjs-backend-wasm')).version_wasm;
  if (backend === 'tensorflow') versions['@tensorflow/tfjs-node'] = tf.version_core;
  return versions;
}
