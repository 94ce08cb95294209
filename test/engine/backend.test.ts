import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../src/engine/backend.js';
import { TaskrelError } from '../../src/errors.js';

test('without a preference the fastest backend that loads is chosen; here tfjs-node is absent or aliased', async () => {
  const chosen = await selectBackend();
  const native = tf.engine().registryFactory.tensorflow !== undefined;
  assert.equal(chosen, native ? 'tensorflow' : 'wasm');
  assert.equal(tf.getBackend(), chosen);
});

test('a preference switches the active backend, and asking again keeps it', async () => {
  assert.equal(await selectBackend('cpu'), 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
  assert.equal(await selectBackend('wasm'), 'wasm');
  assert.equal(await selectBackend('wasm'), 'wasm');
  assert.equal(tf.getBackend(), 'wasm');
});

test('a preferred backend that cannot load is one clear error', async (t) => {
  if (tf.engine().registryFactory.tensorflow !== undefined) return t.skip('tfjs-node is installed here');
  await assert.rejects(selectBackend('tensorflow'), (e: unknown) => e instanceof TaskrelError && /backend: 'tensorflow'/.test(e.message));
});
