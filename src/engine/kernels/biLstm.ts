import * as tf from '@tensorflow/tfjs';
import { type BiLstmLayout, type BiLstmWeights, biLstmKernelFor } from './biLstmKernel.js';

/**
 * A bidirectional LSTM over a padded, time-major batch as ONE differentiable op with a hand-written backward
 * pass (BPTT inside the kernel, weight gradients as a few large products), instead of tfjs-layers' graph of
 * per-timestep ops. x: [time · batch, inputDim] → [time · batch, 2H]. See BiLstmLayout for rows and masking.
 */
export function biLstm(x: tf.Tensor2D, weights: BiLstmWeights, layout: BiLstmLayout): tf.Tensor2D {
  checkShapes(x, weights, layout);
  const kernel = biLstmKernelFor(tf.getBackend());
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const inputs = args.slice(0, 5) as tf.Tensor[];
    const save = args[5] as tf.GradSaveFunc;
    const [xIn, w] = unpack(inputs);
    const pass = kernel.forward(xIn, w, layout);
    save([...inputs, ...(pass.trace ?? [])]);
    return {
      value: pass.output,
      gradFunc: (dOutput: tf.Tensor, saved: tf.Tensor[]) => {
        const [xSaved, wSaved] = unpack(saved);
        const g = pass.backward(dOutput as tf.Tensor2D, xSaved, wSaved, saved.slice(5));
        return [g.x, g.input, g.bias, g.forward, g.backward];
      },
    };
  });
  return op(x, weights.input, weights.bias, weights.forward, weights.backward) as tf.Tensor2D;
}

function unpack([x, input, bias, forward, backward]: tf.Tensor[]): [tf.Tensor2D, BiLstmWeights] {
  return [
    x as tf.Tensor2D,
    { input: input as tf.Tensor2D, bias: bias as tf.Tensor1D, forward: forward as tf.Tensor2D, backward: backward as tf.Tensor2D },
  ];
}

function checkShapes(x: tf.Tensor2D, w: BiLstmWeights, { time, batch, lengths }: BiLstmLayout): void {
  const units = w.forward.shape[0];
  const ok =
    x.shape[0] === time * batch &&
    w.input.shape[0] === x.shape[1] &&
    w.input.shape[1] === 8 * units &&
    w.bias.shape[0] === 8 * units &&
    w.forward.shape[1] === 4 * units &&
    w.backward.shape[0] === units &&
    w.backward.shape[1] === 4 * units &&
    lengths.length === batch &&
    lengths.every((n) => n >= 0 && n <= time);
  if (!ok) {
    throw new Error(
      `biLstm: inconsistent shapes: x ${x.shape}, input ${w.input.shape}, bias ${w.bias.shape}, ` +
        `forward ${w.forward.shape}, backward ${w.backward.shape}, time ${time}, batch ${batch}, lengths ${lengths.length}`,
    );
  }
}
