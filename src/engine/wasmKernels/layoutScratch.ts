import type { CompactLayout } from './sentenceLayout.js';
import type { WasmHeap } from './wasmHeap.js';

type LayoutRegion = 'order' | 'lengths' | 'active' | 'offsets' | 'rows' | 'previous0' | 'previous1';

/** Scratch sizes of a layout's arrays (int32 elements), to spread into WasmHeap.scratch. */
export function layoutSizes({ order, active, rows }: CompactLayout): Record<LayoutRegion, number> {
  const tokens = rows.length;
  return {
    order: order.length,
    lengths: order.length,
    active: active.length,
    offsets: active.length + 1,
    rows: tokens,
    previous0: tokens,
    previous1: tokens,
  };
}

/** Copies a layout into its scratch regions, where the kernels read it. */
export function writeLayout(heap: WasmHeap, layout: CompactLayout, at: Record<LayoutRegion, number>): void {
  const arrays: Record<LayoutRegion, Int32Array> = {
    order: layout.order,
    lengths: layout.lengths,
    active: layout.active,
    offsets: layout.offsets,
    rows: layout.rows,
    previous0: layout.previous[0],
    previous1: layout.previous[1],
  };
  for (const [region, values] of Object.entries(arrays) as Array<[LayoutRegion, Int32Array]>) {
    heap.ints(at[region], values.length).set(values);
  }
}
