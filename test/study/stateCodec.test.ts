import assert from 'node:assert/strict';
import test from 'node:test';
import { decodeState, encodeState } from '../../src/study/stateCodec.js';

/** Encodes, joins the arrays' bytes as a file would hold them, decodes. */
function roundTrip(state: unknown): unknown {
  const { json, arrays } = encodeState(state);
  const bytes = Buffer.concat(arrays);
  return decodeState(json, bytes);
}

test('a state comes back bit for bit: typed arrays, doubles JSON cannot carry, nested objects', () => {
  const weights = Float32Array.of(0.1, -0, Number.NaN, 3.4028234663852886e38, 1e-45);
  const state = {
    step: 41,
    lossSum: 0.1 + 0.2,
    curve: { step: [1, 10], loss: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 5e-324] },
    best: null,
    name: 'pair--a+b--s1',
    flags: [true, false],
    parameters: { 'shared.embeddings': weights, 'head.a.bias': new Float32Array(0) },
    queue: { sizes: Int32Array.of(3, 2), examples: Int32Array.of(-1, 2147483647, -2147483648, 0, 7) },
    sums: Float64Array.of(Math.PI, -Number.MIN_VALUE),
    // A view into a larger buffer: only its own bytes are stored.
    view: new Float32Array(Float32Array.of(9, 8, 7, 6).buffer, 4, 2),
  };
  const back = roundTrip(state) as typeof state;
  assert.deepEqual(back, state);
  assert.ok(
    back.parameters['shared.embeddings'] instanceof Float32Array &&
      back.queue.examples instanceof Int32Array &&
      back.sums instanceof Float64Array,
  );
  assert.ok(Object.is(back.curve.loss[3], -0) && Object.is(back.parameters['shared.embeddings'][1], -0), '−0 stays −0');
  assert.deepEqual(
    new Uint8Array(back.parameters['shared.embeddings'].buffer),
    new Uint8Array(weights.buffer),
    'the same bytes, NaN payload included',
  );
  assert.deepEqual(Array.from(back.view), [8, 7]);
  back.parameters['shared.embeddings'][0] = 5;
  assert.equal(weights[0], Float32Array.of(0.1)[0], 'decoded arrays are copies');
});

test('arrays are stored as raw bytes: a megabyte of floats costs a megabyte, not a JSON text several times larger', () => {
  const values = Float32Array.from({ length: 262_144 }, (_, i) => Math.sin(i));
  const { json, arrays } = encodeState({ values });
  assert.equal(
    arrays.reduce((sum, a) => sum + a.byteLength, 0),
    values.byteLength,
  );
  assert.ok(json.length < 100, json);
  assert.ok(JSON.stringify(Array.from(values)).length > 4 * values.byteLength, 'the JSON alternative');
});

test('what cannot be stored or read back is an error, never a silent change', () => {
  assert.throws(() => encodeState({ $array: 'Float32Array' }), /key '\$array' is reserved/);
  assert.throws(() => encodeState({ bytes: new Uint8Array(3) }), /cannot store a Uint8Array/);
  const { json, arrays } = encodeState({ values: new Float32Array(4) });
  assert.throws(() => decodeState(json, Buffer.concat(arrays).subarray(0, 12)), /outside the 12 bytes stored/);
  assert.throws(() => decodeState(json.replace('Float32Array', 'BigInt64Array'), Buffer.concat(arrays)), /array reference/);
});
