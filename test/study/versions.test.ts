import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const modules = {
  backend: new URL('../../src/engine/backend.js', import.meta.url).href,
  versions: new URL('../../src/study/versions.js', import.meta.url).href,
};

/** The versions a run on wasm records in a fresh process with TASKREL_WASM_KERNELS set to `kernels`. */
function wasmRunVersions(kernels: string | undefined): Record<string, string> {
  const script =
    `const { selectBackend } = await import(${JSON.stringify(modules.backend)});` +
    `const { runVersions } = await import(${JSON.stringify(modules.versions)});` +
    `console.log(JSON.stringify(await runVersions(await selectBackend('wasm'))));`;
  const env = { ...process.env, TASKREL_WASM_KERNELS: kernels };
  if (kernels === undefined) delete env.TASKREL_WASM_KERNELS;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Record<string, string>;
}

test('a wasm run records which kernel build trained it: relaxed SIMD by default, plain SIMD or tfjs ops on request', () => {
  const byDefault = wasmRunVersions(undefined);
  assert.equal(byDefault['taskrel wasm kernels'], 'relaxed-simd');
  assert.match(byDefault['@tensorflow/tfjs-backend-wasm'] ?? '', /^\d+\.\d+\.\d+$/);
  assert.equal(wasmRunVersions('simd')['taskrel wasm kernels'], 'simd');
  assert.equal(wasmRunVersions('off')['taskrel wasm kernels'], 'off');
});
