import * as tf from '@tensorflow/tfjs';
import type { BiLstmForward as BiLstmPass, BiLstmKernel, BiLstmLayout, BiLstmWeights } from '../kernels/biLstmKernel.js';
import { BiLstmBackward } from './biLstmBackwardKernel.js';
import { BiLstmForward } from './biLstmForwardKernel.js';

/**
 * The BiLstmKernel of the wasm backend: both passes run as the registered TaskrelBiLstmForward/Backward kernels.
 * The forward pass produces its trace (gates, cells, tanh(cells), hidden states of the real tokens) only while a
 * gradient is being recorded; the op saves it on the tape and hands it back to the backward pass.
 */
export const wasmBiLstm: BiLstmKernel = { forward };

function forward(x: tf.Tensor2D, weights: BiLstmWeights, layout: BiLstmLayout): BiLstmPass {
  const attrs = { time: layout.time, batch: layout.batch, lengths: Array.from(layout.lengths) };
  const keepTrace = tf.engine().state.gradientDepth > 0;
  const [output, ...trace] = tf
    .engine()
    .runKernel(
      BiLstmForward,
      { x, input: weights.input, bias: weights.bias, forward: weights.forward, backward: weights.backward },
      { ...attrs, keepTrace },
    ) as tf.Tensor[];
  return {
    output: output as tf.Tensor2D,
    trace,
    backward: (dOutput, xAgain, weightsAgain, savedTrace) => {
      if (savedTrace.length !== 4)
        throw new Error('wasm BiLSTM: the backward pass needs the trace of a forward pass run under a gradient tape');
      const [gates, cells, cellTanh, hidden] = savedTrace;
      const [dx, input, bias, forwardGrad, backwardGrad] = tf.engine().runKernel(
        BiLstmBackward,
        {
          dOutput,
          x: xAgain,
          input: weightsAgain.input,
          forward: weightsAgain.forward,
          backward: weightsAgain.backward,
          gates,
          cells,
          cellTanh,
          hidden,
        },
        attrs,
      ) as tf.Tensor[];
      return {
        x: dx as tf.Tensor2D,
        input: input as tf.Tensor2D,
        bias: bias as tf.Tensor1D,
        forward: forwardGrad as tf.Tensor2D,
        backward: backwardGrad as tf.Tensor2D,
      };
    },
  };
}
