import type * as tf from '@tensorflow/tfjs';
import { type KernelModule, kernelsOn } from './kernelModule.js';
import { layoutSizes, writeLayout } from './layoutScratch.js';
import { compactLayout, readBiLstmAttrs } from './sentenceLayout.js';
import { WasmHeap } from './wasmHeap.js';

export const BiLstmForward = 'TaskrelBiLstmForward';

/**
 * Forward pass of the fused BiLSTM on the wasm backend, in place on the backend's heap.
 * Inputs x [T·B, D], input [D, 8H], bias [8H], forward and backward [H, 4H] (as BiLstmWeights); attrs time, batch,
 * lengths and keepTrace. Outputs the BiLSTM output [T·B, 2H] and, with keepTrace, the trace the backward kernel
 * needs, over real tokens only (compact rows, see CompactLayout): activated gates [n, 8H], cells, tanh(cells) and
 * hidden states [n, 2H], both directions side by side like the output.
 */
export function biLstmForwardKernel({ module }: KernelModule): tf.KernelConfig {
  return {
    kernelName: BiLstmForward,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const heap = WasmHeap.of(backend);
      const kernels = kernelsOn(module, heap.memory);
      const { x, input, bias, forward, backward } = inputs as Record<'x' | 'input' | 'bias' | 'forward' | 'backward', tf.TensorInfo>;
      const { time, batch, lengths } = readBiLstmAttrs(attrs);
      const keepTrace = attrs?.keepTrace === true;
      const layout = compactLayout(lengths, time);
      const tokens = layout.rows.length;
      const inputDim = x.shape[1];
      const units = forward.shape[0];
      const G = 4 * units;

      const output = heap.output([time * batch, 2 * units]);
      const trace = keepTrace
        ? [
            [tokens, 2 * G],
            [tokens, 2 * units],
            [tokens, 2 * units],
            [tokens, 2 * units],
          ].map((s) => heap.output(s))
        : [];
      const scratch = heap.scratch({
        ...layoutSizes(layout),
        stacked: (inputDim + units) * G,
        packedWeights: kernels.packedBSize(inputDim + units, G),
        step: batch * (inputDim + units),
        stepPanel: kernels.packedASize(batch, inputDim + units),
        z: batch * G,
        // Without a backward pass to come, the trace is scratch.
        gates: keepTrace ? 0 : tokens * 2 * G,
        cells: keepTrace ? 0 : tokens * 2 * units,
        cellTanh: keepTrace ? 0 : tokens * 2 * units,
        hidden: keepTrace ? 0 : tokens * 2 * units,
      });
      try {
        const at = scratch.at;
        const [gates, cells, cellTanh, hidden] = keepTrace
          ? trace.map((t) => heap.offset(t))
          : [at.gates, at.cells, at.cellTanh, at.hidden];
        writeLayout(heap, layout, at);
        heap.zeroRows(heap.offset(output), 2 * units, layout.padded);
        [forward, backward].forEach((recurrentWeights, direction) => {
          // The direction's [W; U]: its 4H columns of `input` over its recurrent weights, one operand per step.
          const stacked = heap.floats(at.stacked, (inputDim + units) * G);
          const inputWeights = heap.floats(heap.offset(input), inputDim * 2 * G);
          for (let r = 0; r < inputDim; r++)
            stacked.set(inputWeights.subarray((2 * r + direction) * G, (2 * r + direction + 1) * G), r * G);
          stacked.set(heap.floats(heap.offset(recurrentWeights), units * G), inputDim * G);
          kernels.packB(at.stacked, G, 1, inputDim + units, G, at.packedWeights);
          kernels.forwardDirection(
            direction,
            time,
            batch,
            inputDim,
            units,
            at.order,
            at.lengths,
            at.active,
            at.offsets,
            heap.offset(x),
            at.packedWeights,
            heap.offset(bias) + 4 * direction * G,
            gates,
            cells,
            cellTanh,
            hidden,
            heap.offset(output),
            at.step,
            at.stepPanel,
            at.z,
          );
        });
      } finally {
        scratch.free();
      }
      return [output, ...trace];
    },
  };
}
