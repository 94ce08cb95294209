import * as tf from '@tensorflow/tfjs';

/**
 * The wasm backend's matMul with `transposeA`/`transposeB` takes a path ~13× slower than a plain matMul, and
 * autodiff emits exactly those for every weight gradient. Transposing first, then multiplying, is the fix.
 */
const transposingKernels = ['BatchMatMul', '_FusedMatMul'] as const;
const patched = new Set<string>();

export function registerWasmFixes(): void {
  shareIdentity();
  for (const kernelName of transposingKernels) {
    if (patched.has(kernelName)) continue;
    const original = tf.getKernel(kernelName, 'wasm');
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ ...original, kernelFunc: transposeFirst(original.kernelFunc) });
    patched.add(kernelName);
  }
}

function transposeFirst(multiply: tf.KernelFunc): tf.KernelFunc {
  const transpose = tf.getKernel('Transpose', 'wasm').kernelFunc;
  return ({ inputs, backend, attrs }) => {
    const transposed: tf.TensorInfo[] = [];
    const swapLastTwo = (name: 'a' | 'b', flag: 'transposeA' | 'transposeB'): tf.TensorInfo => {
      const x = inputs[name] as tf.TensorInfo;
      if (attrs?.[flag] !== true) return x;
      const perm = x.shape.map((_, i) => i);
      [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
      const t = transpose({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
      transposed.push(t);
      return t;
    };
    const a = swapLastTwo('a', 'transposeA');
    const b = swapLastTwo('b', 'transposeB');
    const out = multiply({ inputs: { ...inputs, a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    for (const t of transposed) (backend as tf.KernelBackend).disposeData(t.dataId);
    return out;
  };
}

/**
 * The wasm backend's Identity copies its input, and the gradient tape saves tensors through Identity (about 5 MB a
 * step for the tagger). Tensors are immutable, so sharing the data with a reference count, as the cpu backend
 * does, is equivalent and free.
 */
function shareIdentity(): void {
  if (patched.has('Identity')) return;
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as tf.TensorInfo;
      (backend as tf.KernelBackend & { incRef(dataId: object): void }).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
  patched.add('Identity');
}
