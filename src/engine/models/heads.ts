import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../shared/random.js';
import { glorotUniform, variableOf } from './initializers.js';
import type { HeadSpec } from './model.js';

/** A task's softmax output layer. */
export interface Head {
  weights: tf.Variable;
  bias: tf.Variable;
}

export function createHeads(specs: readonly HeadSpec[], inputDim: number, rng: Rng): Map<string, Head> {
  return new Map(
    specs.map(({ name, labels }) => [
      name,
      {
        weights: variableOf(glorotUniform(rng, inputDim, labels), [inputDim, labels]),
        bias: variableOf(new Float32Array(labels), [labels]),
      },
    ]),
  );
}

export function headLogits(features: tf.Tensor2D, head: Head): tf.Tensor2D {
  return tf.add(tf.matMul(features, head.weights), head.bias);
}

export function headByName(heads: Map<string, Head>, name: string): Head {
  const head = heads.get(name);
  if (head === undefined) throw new Error(`no head '${name}'; heads: ${[...heads.keys()].join(', ')}`);
  return head;
}

export function headParameters(heads: Map<string, Head>): Record<string, tf.Variable> {
  return Object.fromEntries(
    [...heads].flatMap(([name, head]) => [
      [`head.${name}.weights`, head.weights],
      [`head.${name}.bias`, head.bias],
    ]),
  );
}
