import { readFile } from 'node:fs/promises';
import v8 from 'node:v8';
import { type WasmMemory, type WasmModule, webAssembly } from './webAssemblyApi.js';

/**
 * The exports of kernels.wasm (built from assembly/ by `asc`, next to this file in dist/). Pointers are byte
 * offsets in the memory the module was instantiated with; sizes are in floats.
 */
export interface KernelExports {
  packedASize(M: number, K: number): number;
  packedBSize(K: number, N: number): number;
  packA(src: number, rowStride: number, colStride: number, M: number, K: number, dst: number): void;
  packATRows(src: number, rowStride: number, rows: number, M: number, K: number, dst: number): void;
  packB(src: number, rowStride: number, colStride: number, K: number, N: number, dst: number): void;
  gemm(pa: number, pb: number, M: number, N: number, K: number, c: number, ldc: number, accumulate: boolean, bias: number): void;
  forwardDirection(
    direction: number,
    time: number,
    batch: number,
    inputDim: number,
    units: number,
    order: number,
    lengths: number,
    active: number,
    offsets: number,
    x: number,
    weights: number,
    bias: number,
    gates: number,
    cells: number,
    cellTanh: number,
    hidden: number,
    output: number,
    step: number,
    stepPanel: number,
    z: number,
  ): void;
  backwardDirection(
    direction: number,
    time: number,
    batch: number,
    units: number,
    order: number,
    lengths: number,
    active: number,
    offsets: number,
    transposedWeights: number,
    gates: number,
    cells: number,
    cellTanh: number,
    dOutput: number,
    dz: number,
    dHidden: number,
    dCell: number,
    dzStep: number,
    dzPanel: number,
  ): void;
  columnSums(src: number, rows: number, cols: number, dst: number, accumulate: boolean): void;
  scatterRows(src: number, width: number, rows: number, n: number, dst: number): void;
}

const exportNames: ReadonlyArray<keyof KernelExports> = [
  'packedASize',
  'packedBSize',
  'packA',
  'packATRows',
  'packB',
  'gemm',
  'forwardDirection',
  'backwardDirection',
  'columnSums',
  'scatterRows',
];

/**
 * Two builds of assembly/: plain SIMD, and relaxed SIMD whose multiply-adds are fused (about a fifth faster products).
 * The relaxed build is used wherever the engine validates it: V8 ≥ 11.4 (Node ≥ 21), or Node 20 run with
 * --experimental-wasm-relaxed-simd.
 */
export const KernelVariants = {
  simd: new URL('./kernels.wasm', import.meta.url),
  'relaxed-simd': new URL('./kernels-relaxed.wasm', import.meta.url),
} as const;
export type KernelVariant = keyof typeof KernelVariants;

export interface KernelModule {
  variant: KernelVariant;
  module: WasmModule;
}

let compiled: Promise<KernelModule> | undefined;

/**
 * Node 20's V8 implements relaxed SIMD (standard since V8 11.4) behind a flag; turning it on before our module is
 * compiled lets the relaxed build run there too. TASKREL_WASM_KERNELS=simd keeps the plain build.
 */
function enableRelaxedSimd(): void {
  if (process.env.TASKREL_WASM_KERNELS !== 'simd') v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
}

/** Compiles the fastest build this engine runs, once per process. */
export function compileKernelModule(): Promise<KernelModule> {
  compiled ??= (async () => {
    enableRelaxedSimd();
    const [simd, relaxed] = await Promise.all(Object.values(KernelVariants).map(readBuild));
    const relaxedRuns = process.env.TASKREL_WASM_KERNELS !== 'simd' && webAssembly.validate(relaxed);
    const variant: KernelVariant = relaxedRuns ? 'relaxed-simd' : 'simd';
    return { variant, module: await webAssembly.compile(variant === 'simd' ? simd : relaxed) };
  })();
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}

async function readBuild(url: URL): Promise<Uint8Array> {
  try {
    return await readFile(url);
  } catch (cause) {
    throw new Error(`wasm kernels: cannot read ${url.pathname}; \`npm run build\` compiles assembly/ into it`, { cause });
  }
}

const instances = new WeakMap<WasmMemory, KernelExports>();

/** The module instantiated on `memory` (one instance per memory, made on first use). */
export function kernelsOn(module: WasmModule, memory: WasmMemory): KernelExports {
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    const { exports } = new webAssembly.Instance(module, { env: { memory } });
    for (const name of exportNames) {
      if (typeof exports[name] !== 'function') throw new Error(`wasm kernels: kernels.wasm lacks export '${name}'; rebuild it`);
    }
    kernels = exports as unknown as KernelExports;
    instances.set(memory, kernels);
  }
  return kernels;
}
