import type * as tf from '@tensorflow/tfjs';
import { portableBiLstm } from './biLstmPortable.js';

/**
 * The seam between the BiLSTM op (biLstm.ts: shapes, autodiff wiring) and the arithmetic of its forward and
 * backward passes. A backend-specific kernel (e.g. SIMD WebAssembly on the wasm backend's memory) registers
 * itself with `registerBiLstmKernel`; every other backend runs the portable kernel.
 *
 * Gate order in every weight matrix is PyTorch's: input, forget, cell, output.
 */
export interface BiLstmWeights {
  /** Input projection of both directions, [inputDim, 8H]: columns [forward i f g o | backward i f g o]. */
  input: tf.Tensor2D;
  /** [8H], same column layout as `input`. */
  bias: tf.Tensor1D;
  /** Recurrent weights of the left-to-right direction, [H, 4H]. */
  forward: tf.Tensor2D;
  /** Recurrent weights of the right-to-left direction, [H, 4H]. */
  backward: tf.Tensor2D;
}

/**
 * Rows of the input and output are time-major: row `t * batch + b` is position t of sentence b. Sentence b's
 * real tokens are positions [0, lengths[b]); the rest is padding. The right-to-left direction starts at each
 * sentence's last real token, and padded positions get zero output and never affect real ones.
 */
export interface BiLstmLayout {
  time: number;
  batch: number;
  lengths: Int32Array;
}

export interface BiLstmGradients {
  x: tf.Tensor2D;
  input: tf.Tensor2D;
  bias: tf.Tensor1D;
  forward: tf.Tensor2D;
  backward: tf.Tensor2D;
}

export interface BiLstmForward {
  /** [time · batch, 2H]: columns [left-to-right h | right-to-left h]. */
  output: tf.Tensor2D;
  /**
   * Tensors the backward pass needs (e.g. gates and cells kept in backend memory). The op saves them with the
   * gradient tape, which keeps them exactly as long as a backward pass may run, and hands them back to `backward`.
   */
  trace?: tf.Tensor[];
  /**
   * Gradients of all inputs given the output's gradient; `x` and `weights` are the tensors forward ran on,
   * `trace` the saved `trace` of this pass (empty when it had none).
   */
  backward(dOutput: tf.Tensor2D, x: tf.Tensor2D, weights: BiLstmWeights, trace: tf.Tensor[]): BiLstmGradients;
}

export interface BiLstmKernel {
  forward(x: tf.Tensor2D, weights: BiLstmWeights, layout: BiLstmLayout): BiLstmForward;
}

const kernels = new Map<string, BiLstmKernel>();

export function registerBiLstmKernel(backendName: string, kernel: BiLstmKernel): void {
  kernels.set(backendName, kernel);
}

/** The kernel registered for `backendName`, else the portable one (standard tf ops plus plain TypeScript). */
export function biLstmKernelFor(backendName: string): BiLstmKernel {
  return kernels.get(backendName) ?? portableBiLstm;
}
