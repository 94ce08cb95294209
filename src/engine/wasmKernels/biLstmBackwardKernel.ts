import type * as tf from '@tensorflow/tfjs';
import { type KernelModule, kernelsOn } from './kernelModule.js';
import { layoutSizes, writeLayout } from './layoutScratch.js';
import { compactLayout, readBiLstmAttrs } from './sentenceLayout.js';
import { WasmHeap } from './wasmHeap.js';

export const BiLstmBackward = 'TaskrelBiLstmBackward';

type BackwardInputs = 'dOutput' | 'x' | 'input' | 'forward' | 'backward' | 'hidden' | 'gates' | 'cells' | 'cellTanh';

/**
 * Backward pass of the fused BiLSTM on the wasm backend. Inputs: dOutput [T·B, 2H], the forward pass's x and
 * weights, and its trace (hidden, gates, cells, cellTanh); attrs as the forward kernel. Outputs the gradients of x,
 * input, bias, forward and backward, in that order.
 *
 * BPTT runs per direction and yields dz, the gradients of all gate pre-activations of the real tokens (compact
 * rows, laid out like the trace); every weight gradient is then one product over all timesteps.
 */
export function biLstmBackwardKernel({ module }: KernelModule): tf.KernelConfig {
  return {
    kernelName: BiLstmBackward,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const heap = WasmHeap.of(backend);
      const kernels = kernelsOn(module, heap.memory);
      const t = inputs as Record<BackwardInputs, tf.TensorInfo>;
      const { time, batch, lengths } = readBiLstmAttrs(attrs);
      const layout = compactLayout(lengths, time);
      const tokens = layout.rows.length;
      const inputDim = t.x.shape[1];
      const units = t.forward.shape[0];
      const G = 4 * units;

      const dx = heap.output([time * batch, inputDim]);
      const dInput = heap.output([inputDim, 2 * G]);
      const dBias = heap.output([2 * G]);
      const dRecurrent = [heap.output([units, G]), heap.output([units, G])];
      const block = rowsPerBlock(units, tokens);
      const scratch = heap.scratch({
        ...layoutSizes(layout),
        dz: tokens * 2 * G,
        packedUT: kernels.packedBSize(G, units),
        dHidden: batch * units,
        dCell: batch * units,
        dzStep: batch * G,
        dzPanel: kernels.packedASize(batch, G),
        packedWT: kernels.packedBSize(2 * G, inputDim),
        packedDz0: kernels.packedBSize(block, G),
        packedDz1: kernels.packedBSize(block, G),
        packedDzRows: kernels.packedASize(block, 2 * G),
        packedXT: kernels.packedASize(inputDim, block),
        packedHT: kernels.packedASize(units, block),
        dxCompact: tokens * inputDim,
      });
      try {
        const at = scratch.at;
        writeLayout(heap, layout, at);
        [t.forward, t.backward].forEach((recurrentWeights, direction) => {
          heap.floats(at.dHidden, batch * units).fill(0);
          heap.floats(at.dCell, batch * units).fill(0);
          kernels.packB(heap.offset(recurrentWeights), 1, G, G, units, at.packedUT);
          kernels.backwardDirection(
            direction,
            time,
            batch,
            units,
            at.order,
            at.lengths,
            at.active,
            at.offsets,
            at.packedUT,
            heap.offset(t.gates),
            heap.offset(t.cells),
            heap.offset(t.cellTanh),
            heap.offset(t.dOutput),
            at.dz,
            at.dHidden,
            at.dCell,
            at.dzStep,
            at.dzPanel,
          );
        });

        // The weight gradients and dx all read dz: one pass over it in blocks of rows small enough to stay in L2,
        // each block packed once per use. dW = Σ xᵀ·dz; dU = Σ h_{s−1}ᵀ·dz_s (h_{s−1} = 0 at a sentence's first
        // step); dx = dz·Wᵀ; db = Σ dz.
        const [x, hidden] = [t.x, t.hidden].map((tensor) => heap.offset(tensor));
        const dInputAt = heap.offset(dInput);
        kernels.packB(heap.offset(t.input), 1, 2 * G, 2 * G, inputDim, at.packedWT);
        for (let first = 0; first < tokens; first += block) {
          const n = Math.min(block, tokens - first);
          const accumulate = first > 0;
          const dz = at.dz + 4 * first * 2 * G;
          const packedDz = [at.packedDz0, at.packedDz1];
          kernels.packATRows(x, inputDim, at.rows + 4 * first, inputDim, n, at.packedXT);
          [at.previous0, at.previous1].forEach((previous, direction) => {
            kernels.packB(dz + 4 * direction * G, 2 * G, 1, n, G, packedDz[direction]);
            kernels.gemm(at.packedXT, packedDz[direction], inputDim, G, n, dInputAt + 4 * direction * G, 2 * G, accumulate, 0);
            kernels.packATRows(hidden + 4 * direction * units, 2 * units, previous + 4 * first, units, n, at.packedHT);
            kernels.gemm(at.packedHT, packedDz[direction], units, G, n, heap.offset(dRecurrent[direction]), G, accumulate, 0);
          });
          kernels.packA(dz, 2 * G, 1, n, 2 * G, at.packedDzRows);
          kernels.gemm(at.packedDzRows, at.packedWT, n, inputDim, 2 * G, at.dxCompact + 4 * first * inputDim, inputDim, false, 0);
          kernels.columnSums(dz, n, 2 * G, heap.offset(dBias), accumulate);
        }
        if (tokens === 0) {
          for (const gradient of [dInput, dBias, ...dRecurrent])
            heap
              .floats(
                heap.offset(gradient),
                gradient.shape.reduce((a, b) => a * b, 1),
              )
              .fill(0);
        }
        kernels.scatterRows(at.dxCompact, inputDim, at.rows, tokens, heap.offset(dx));
        heap.zeroRows(heap.offset(dx), inputDim, layout.padded);
      } finally {
        scratch.free();
      }
      return [dx, dInput, dBias, ...dRecurrent];
    },
  };
}

/** Rows of dz per block of the weight-gradient pass: about 512 KiB of dz, a multiple of the 4-row tile. */
function rowsPerBlock(units: number, tokens: number): number {
  const rows = Math.floor((512 * 1024) / (4 * 8 * units) / 4) * 4;
  return Math.max(4, Math.min(rows, Math.ceil(tokens / 4) * 4));
}
