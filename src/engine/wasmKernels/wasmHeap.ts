import type * as tf from '@tensorflow/tfjs';
import { type WasmMemory, webAssembly } from './webAssemblyApi.js';

/** The parts of tfjs-backend-wasm's BackendWasm that the kernels use. `wasm.asm` is the Emscripten module's exports. */
interface WasmBackendParts {
  wasm: { _malloc(bytes: number): number; _free(pointer: number): void; asm: { memory: WasmMemory } };
  getMemoryOffset(dataId: tf.DataId): number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

let scratchBytes = 0;

/** Bytes of kernel scratch currently allocated on any backend's heap (0 whenever no kernel is running). */
export function scratchBytesInUse(): number {
  return scratchBytes;
}

/**
 * The wasm backend's heap as the kernels see it: tensors by byte offset, outputs allocated by the backend, and
 * scratch from the backend's malloc. Views are made per use: heap growth replaces `memory.buffer`.
 */
export class WasmHeap {
  private constructor(
    private readonly backend: WasmBackendParts,
    readonly memory: WasmMemory,
  ) {}

  static of(backend: object): WasmHeap {
    const memory = (backend as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm?.memory;
    if (!(memory instanceof webAssembly.Memory)) {
      throw new Error('wasm kernels: not the tfjs wasm backend (no WebAssembly.Memory at backend.wasm.asm.memory)');
    }
    return new WasmHeap(backend as WasmBackendParts, memory);
  }

  offset(tensor: tf.TensorInfo): number {
    if (tensor.dtype !== 'float32') throw new Error(`wasm kernels: expected float32 tensors, got ${tensor.dtype}`);
    return this.backend.getMemoryOffset(tensor.dataId);
  }

  /** A new float32 tensor owned by the backend, uninitialised. */
  output(shape: number[]): tf.TensorInfo {
    return this.backend.makeOutput(shape, 'float32');
  }

  floats(offset: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, offset, length);
  }

  /** Zeroes `rows` of the row-major float matrix at `offset` whose rows are `width` floats. */
  zeroRows(offset: number, width: number, rows: readonly number[]): void {
    const view = new Float32Array(this.memory.buffer);
    for (const row of rows) view.fill(0, offset / 4 + row * width, offset / 4 + (row + 1) * width);
  }

  ints(offset: number, length: number): Int32Array {
    return new Int32Array(this.memory.buffer, offset, length);
  }

  /** One malloc'd block holding a 16-byte-aligned region per entry of `sizes` (in 4-byte elements). Free it in a finally. */
  scratch<K extends string>(sizes: Record<K, number>): Scratch<K> {
    const names = Object.keys(sizes) as K[];
    const bytes = names.reduce((total, name) => total + align16(4 * sizes[name]), 16);
    const block = this.backend.wasm._malloc(bytes) >>> 0;
    if (block === 0) throw new Error(`wasm kernels: the backend could not allocate ${bytes} bytes of scratch`);
    scratchBytes += bytes;
    const at = {} as Record<K, number>;
    let next = align16(block);
    for (const name of names) {
      at[name] = next;
      next += align16(4 * sizes[name]);
    }
    return new Scratch(at, () => {
      this.backend.wasm._free(block);
      scratchBytes -= bytes;
    });
  }
}

export class Scratch<K extends string> {
  private released = false;

  constructor(
    /** Byte offset of each region. */
    readonly at: Record<K, number>,
    private readonly release: () => void,
  ) {}

  free(): void {
    if (this.released) return;
    this.released = true;
    this.release();
  }
}

function align16(n: number): number {
  return (n + 15) & ~15;
}
