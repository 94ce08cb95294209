import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../shared/random.js';

/** `count` values uniform in [−limit, limit]. */
export function uniformValues(rng: Rng, count: number, limit: number): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = rng.uniform(-limit, limit);
  return values;
}

/** Glorot/Xavier uniform for a [fanIn, fanOut] matrix: keeps activation variance across the layer. */
export function glorotUniform(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  return uniformValues(rng, fanIn * fanOut, Math.sqrt(6 / (fanIn + fanOut)));
}

/** A trainable variable holding `values` (tidy frees the temporary tensor; variables survive tidy). */
export function variableOf<R extends tf.Rank>(values: Float32Array, shape: tf.ShapeMap[R]): tf.Variable<R> {
  return tf.tidy(() => tf.variable(tf.tensor(values, shape))) as tf.Variable<R>;
}
