import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchStream, evaluationBatches } from '../../src/engine/batchStream.js';
import { Rng } from '../../src/shared/random.js';
import type { EncodedSplit } from '../../src/tasks/encodedTask.js';

/** Example i has i % 37 + 1 tokens, all equal to 2 + i, so a batch's tokens tell which examples it holds. */
function numberedSplit(count: number): EncodedSplit {
  const tokens = Array.from({ length: count }, (_, i) => new Int32Array(1 + (i % 37)).fill(2 + i));
  return { tokens, labels: tokens.map((t) => new Int32Array(t.length)) };
}

function examplesOf(batch: { tokens: Int32Array; size: number }): number[] {
  return Array.from({ length: batch.size }, (_, b) => batch.tokens[b] - 2);
}

test('an epoch yields every training example exactly once, then the next epoch starts', () => {
  const stream = new BatchStream(numberedSplit(1000), 'tagging', 32, new Rng(1));
  const seen: number[] = [];
  while (seen.length < 1000) seen.push(...examplesOf(stream.next()));
  assert.equal(seen.length, 1000);
  assert.deepEqual(
    [...seen].sort((a, b) => a - b),
    Array.from({ length: 1000 }, (_, i) => i),
  );
  assert.equal(stream.next().size, 32);
});

test('batches group similar lengths, so padding stays small', () => {
  const stream = new BatchStream(numberedSplit(2000), 'tagging', 32, new Rng(2));
  let padded = 0;
  let real = 0;
  for (let i = 0; i < 60; i++) {
    const batch = stream.next();
    real += batch.lengths.reduce((a, b) => a + b, 0);
    padded += batch.time * batch.size;
  }
  // Unsorted batches of lengths uniform on 1..37 would be ~47% padding.
  assert.ok(padded / real < 1.1, `padding ratio ${padded / real}`);
});

test('the same seed gives the same batches; another seed other batches', () => {
  const run = (seed: number) => {
    const stream = new BatchStream(numberedSplit(500), 'tagging', 16, new Rng(seed));
    return Array.from({ length: 40 }, () => examplesOf(stream.next()));
  };
  assert.deepEqual(run(7), run(7));
  assert.notDeepEqual(run(7), run(8));
});

test('evaluation batches cover the first `limit` examples (all when 0), sorted by length', () => {
  const split = numberedSplit(100);
  const all = evaluationBatches(split, 'tagging', 16).flatMap(examplesOf);
  assert.deepEqual(
    [...all].sort((a, b) => a - b),
    Array.from({ length: 100 }, (_, i) => i),
  );
  const firstTen = evaluationBatches(split, 'tagging', 4, 10);
  assert.deepEqual(
    firstTen.flatMap(examplesOf).sort((a, b) => a - b),
    Array.from({ length: 10 }, (_, i) => i),
  );
  const lengths = firstTen.flatMap((b) => [...b.lengths]);
  assert.deepEqual(
    lengths,
    [...lengths].sort((a, b) => a - b),
  );
});
