import * as tf from '@tensorflow/tfjs';
import type { BiLstmForward, BiLstmGradients, BiLstmKernel, BiLstmLayout, BiLstmWeights } from './biLstmKernel.js';

/**
 * The BiLSTM on any backend, from standard tf ops plus plain TypeScript. The large products (all timesteps' input
 * projection, the weight gradients) are single tf matMuls; each timestep's recurrent product h·U is one small
 * matMul; each step's gate nonlinearities are one vectorised tf.sigmoid (tanh x = 2σ(2x) − 1); the rest of the
 * cell arithmetic runs on Float32Arrays. Splitting gates with per-timestep tf ops would cost far more: on the wasm
 * backend `slice` copies its whole input and `tanh` is scalar.
 *
 * Weight gradients are computed transposed (dWᵀ = dzᵀ·x) because backends that pack the right-hand operand of a
 * matMul (wasm/XNNPACK) then pack the small x instead of the large dz.
 *
 * Arrays handed to tf.tensor are not written while the tensor lives, and arrays read with dataSync are never
 * written: the cpu backend shares both with the tensor instead of copying.
 */
export const portableBiLstm: BiLstmKernel = { forward };

/** What one direction's forward pass keeps for its backward pass. Step rows are s·B + b, position rows t·B + b. */
interface DirectionTrace {
  /** Activated gates i, f, g, o by step: [T·B, 4H]. */
  gates: Float32Array;
  /** Cell states by step: [T·B, H]. */
  cells: Float32Array;
  /** tanh of the cell states by step: [T·B, H]. */
  cellTanh: Float32Array;
  /** Hidden states by step, shifted by one: row s·B + b holds h_{s−1}; [(T+1)·B, H], the first B rows zero. */
  hidden: Float32Array;
  /** The same h_{s−1}, stored at the row of step s's position: [T·B, H]. */
  previousByPosition: Float32Array;
}

/** Position of step s of a sentence of `length` tokens: s itself left to right, mirrored right to left. */
function position(direction: number, step: number, length: number): number {
  return direction === 0 ? step : length - 1 - step;
}

function read(t: tf.Tensor): Float32Array {
  return t.dataSync() as Float32Array;
}

function forward(x: tf.Tensor2D, weights: BiLstmWeights, layout: BiLstmLayout): BiLstmForward {
  const { time, batch } = layout;
  const units = weights.forward.shape[0];
  const projected = tf.matMul(x, weights.input);
  const inputGates = read(projected);
  const bias = read(weights.bias);
  const output = new Float32Array(time * batch * 2 * units);
  const traces = [weights.forward, weights.backward].map((recurrent, d) => runDirection(d, recurrent, inputGates, bias, output, layout));
  projected.dispose();
  return {
    output: tf.tensor2d(output, [time * batch, 2 * units]),
    backward: (dOutput, xAgain, weightsAgain) => backward(dOutput, xAgain, weightsAgain, layout, traces),
  };
}

function runDirection(
  d: number,
  recurrent: tf.Tensor2D,
  inputGates: Float32Array,
  bias: Float32Array,
  output: Float32Array,
  { time, batch, lengths }: BiLstmLayout,
): DirectionTrace {
  const H = recurrent.shape[0];
  const G = 4 * H;
  const trace: DirectionTrace = {
    gates: new Float32Array(time * batch * G),
    cells: new Float32Array(time * batch * H),
    cellTanh: new Float32Array(time * batch * H),
    hidden: new Float32Array((time + 1) * batch * H),
    previousByPosition: new Float32Array(time * batch * H),
  };
  const { gates, cells, cellTanh, hidden, previousByPosition } = trace;
  // Pre-activations of one step; the cell block is doubled so one sigmoid gives all gates (tanh x = 2σ(2x) − 1).
  const preGates = new Float32Array(batch * G);
  const doubledCells = new Float32Array(batch * H);
  for (let s = 0; s < time; s++) {
    const recurrentGates = s === 0 ? null : multiplyRows(hidden, s * batch, batch, H, recurrent);
    for (let b = 0; b < batch; b++) {
      if (s >= lengths[b]) continue;
      const inOffset = (position(d, s, lengths[b]) * batch + b) * 2 * G + d * G;
      for (let k = 0; k < G; k++) {
        const z = inputGates[inOffset + k] + bias[d * G + k] + (recurrentGates === null ? 0 : recurrentGates[b * G + k]);
        preGates[b * G + k] = k >= 2 * H && k < 3 * H ? 2 * z : z;
      }
    }
    const activated = sigmoidOf(preGates, batch, G);
    for (let b = 0; b < batch; b++) {
      if (s >= lengths[b]) continue;
      const row = s * batch + b;
      for (let j = 0; j < H; j++) {
        const i = activated[b * G + j];
        const f = activated[b * G + H + j];
        const g = 2 * activated[b * G + 2 * H + j] - 1;
        const c = f * (s === 0 ? 0 : cells[(row - batch) * H + j]) + i * g;
        gates[row * G + j] = i;
        gates[row * G + H + j] = f;
        gates[row * G + 2 * H + j] = g;
        gates[row * G + 3 * H + j] = activated[b * G + 3 * H + j];
        cells[row * H + j] = c;
        doubledCells[b * H + j] = 2 * c;
      }
    }
    const cellSigmoid = sigmoidOf(doubledCells, batch, H);
    for (let b = 0; b < batch; b++) {
      if (s >= lengths[b]) continue;
      const row = s * batch + b;
      const pos = position(d, s, lengths[b]) * batch + b;
      for (let j = 0; j < H; j++) {
        const tc = 2 * cellSigmoid[b * H + j] - 1;
        const h = gates[row * G + 3 * H + j] * tc;
        cellTanh[row * H + j] = tc;
        hidden[(row + batch) * H + j] = h;
        previousByPosition[pos * H + j] = hidden[row * H + j];
        output[pos * 2 * H + d * H + j] = h;
      }
    }
  }
  return trace;
}

/** Elementwise sigmoid as one tf op: vectorised on the wasm backend, where Math.exp per element costs more. */
function sigmoidOf(values: Float32Array, rows: number, columns: number): Float32Array {
  const result = tf.tidy(() => tf.sigmoid(tf.tensor2d(values, [rows, columns])));
  const activated = read(result);
  result.dispose();
  return activated;
}

/** Rows [first, first + count) of `values` (row width `width`) times `matrix`, read back. */
function multiplyRows(values: Float32Array, first: number, count: number, width: number, matrix: tf.Tensor2D): Float32Array {
  const product = tf.tidy(() => tf.matMul(tf.tensor2d(values.subarray(first * width, (first + count) * width), [count, width]), matrix));
  const result = read(product);
  product.dispose();
  return result;
}

/** Gradients of the gate pre-activations z of both directions, by position, in two layouts. */
interface GateGradients {
  /** [T·B, 8H], columns as in weights.input. */
  rows: Float32Array;
  /** The transpose, [8H, T·B]. */
  columns: Float32Array;
  bias: Float32Array;
}

function backward(
  dOutput: tf.Tensor2D,
  x: tf.Tensor2D,
  weights: BiLstmWeights,
  layout: BiLstmLayout,
  traces: DirectionTrace[],
): BiLstmGradients {
  const { time, batch } = layout;
  const H = weights.forward.shape[0];
  const n = time * batch;
  const dOut = read(dOutput);
  const dz: GateGradients = {
    rows: new Float32Array(n * 8 * H),
    columns: new Float32Array(8 * H * n),
    bias: new Float32Array(8 * H),
  };
  traces.forEach((trace, d) => {
    backDirection(d, d === 0 ? weights.forward : weights.backward, trace, dOut, dz, layout);
  });
  return tf.tidy(() => {
    // One upload per direction block rather than tf.slice, which copies its whole input on wasm.
    const recurrentGrad = (d: number): tf.Tensor2D => {
      const block = tf.tensor2d(dz.columns.subarray(d * 4 * H * n, (d + 1) * 4 * H * n), [4 * H, n]);
      return tf.transpose(tf.matMul<tf.Tensor2D>(block, tf.tensor2d(traces[d].previousByPosition, [n, H])));
    };
    return {
      x: tf.matMul<tf.Tensor2D>(tf.tensor2d(dz.rows, [n, 8 * H]), tf.transpose(weights.input)),
      input: tf.transpose(tf.matMul<tf.Tensor2D>(tf.tensor2d(dz.columns, [8 * H, n]), x)),
      bias: tf.tensor1d(dz.bias),
      forward: recurrentGrad(0),
      backward: recurrentGrad(1),
    };
  });
}

/** Backpropagation through time for one direction, writing its block of the gate gradients. */
function backDirection(
  d: number,
  recurrent: tf.Tensor2D,
  { gates, cells, cellTanh }: DirectionTrace,
  dOut: Float32Array,
  dz: GateGradients,
  { time, batch, lengths }: BiLstmLayout,
): void {
  const H = recurrent.shape[0];
  const G = 4 * H;
  const n = time * batch;
  const dzByStep = new Float32Array(n * G);
  const dCellNext = new Float32Array(batch * H);
  const recurrentT = tf.transpose(recurrent);
  // Locals and a scratch array instead of a helper call per value: V8 handled the call here several times slower.
  const { rows: dzRows, columns: dzColumns, bias: dzBias } = dz;
  const width = 2 * G;
  const dGates = new Float64Array(4);
  let dHiddenNext: Float32Array | null = null;
  for (let s = time - 1; s >= 0; s--) {
    for (let b = 0; b < batch; b++) {
      if (s >= lengths[b]) continue;
      const pos = position(d, s, lengths[b]) * batch + b;
      const row = s * batch + b;
      for (let j = 0; j < H; j++) {
        const dh = dOut[pos * 2 * H + d * H + j] + (dHiddenNext === null ? 0 : dHiddenNext[b * H + j]);
        const i = gates[row * G + j];
        const f = gates[row * G + H + j];
        const g = gates[row * G + 2 * H + j];
        const o = gates[row * G + 3 * H + j];
        const tc = cellTanh[row * H + j];
        const cPrev = s === 0 ? 0 : cells[(row - batch) * H + j];
        const dc = dCellNext[b * H + j] + dh * o * (1 - tc * tc);
        dCellNext[b * H + j] = dc * f;
        dGates[0] = dc * g * i * (1 - i);
        dGates[1] = dc * cPrev * f * (1 - f);
        dGates[2] = dc * i * (1 - g * g);
        dGates[3] = dh * tc * o * (1 - o);
        for (let k = 0; k < 4; k++) {
          const column = d * G + k * H + j;
          dzByStep[row * G + k * H + j] = dGates[k];
          dzRows[pos * width + column] = dGates[k];
          dzColumns[column * n + pos] = dGates[k];
          dzBias[column] += dGates[k];
        }
      }
    }
    dHiddenNext = s === 0 ? null : multiplyRows(dzByStep, s * batch, batch, G, recurrentT);
  }
  recurrentT.dispose();
}
