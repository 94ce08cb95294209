import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { KernelVariants, compileKernelModule } from '../../../src/engine/wasmKernels/kernelModule.js';

/** Section ids and bytes of a WebAssembly binary (sections: id byte, LEB128 size, content). */
function sections(bytes: Uint8Array): Array<{ id: number; content: Uint8Array }> {
  const found: Array<{ id: number; content: Uint8Array }> = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    found.push({ id, content: bytes.subarray(at, at + size) });
    at += size;
  }
  return found;
}

const SECTION = { import: 2, memory: 5, global: 6, start: 8, data: 11, dataCount: 12 } as const;

for (const [variant, url] of Object.entries(KernelVariants)) {
  test(`the ${variant} build imports the backend memory and owns no memory of its own`, () => {
    const found = sections(new Uint8Array(readFileSync(url)));
    const ids = new Set(found.map((s) => s.id));
    // No data segments or start function that would write into the Emscripten heap, no memory or globals of its own.
    for (const id of [SECTION.memory, SECTION.global, SECTION.start, SECTION.data, SECTION.dataCount]) {
      assert.ok(!ids.has(id), `unexpected section ${id}`);
    }
    const imports = found.find((s) => s.id === SECTION.import);
    assert.ok(imports !== undefined);
    // One import: module "env", field "memory", kind memory (2).
    assert.deepEqual(Array.from(imports.content.subarray(0, 13)), [1, 3, ...Buffer.from('env'), 6, ...Buffer.from('memory'), 2]);
  });
}

test('by default the relaxed-SIMD build is used (Node 20 gets the V8 flag that enables it)', async () => {
  assert.equal((await compileKernelModule()).variant, 'relaxed-simd');
});
