// Kernels of the fused BiLSTM op, compiled to a WebAssembly module that imports the tfjs wasm backend's memory and
// owns none of its own (no data segments, no stack, no allocator): every pointer it gets is a tensor or scratch the
// caller allocated with the backend's malloc.
export { gemm, packA, packATRows, packB, packedASize, packedBSize } from './gemm';
export { forwardDirection } from './lstmForward';
export { backwardDirection } from './lstmBackward';
export { columnSums, scatterRows } from './matrixRows';
