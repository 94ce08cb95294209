import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseVector, scanGlove, type GloveEntry } from '../../src/data/gloveScan.js';
import { fixturePath } from './testFiles.js';

const file = fixturePath('glove-excerpt.json');
const parsed = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Record<string, number[]> };

for (const chunkSize of [7, 64, 1 << 20]) {
  test(`streams every entry with its byte range (read chunks of ${chunkSize} bytes)`, async () => {
    const entries: GloveEntry[] = [];
    const { dimensions } = await scanGlove(file, (entry) => entries.push(entry), chunkSize);
    assert.equal(dimensions, 100);
    assert.deepEqual(
      entries.map((e) => e.word),
      Object.keys(parsed.vectors),
    );
    const bytes = readFileSync(file);
    for (const { word, start, end } of entries) {
      const vector = new Float32Array(100);
      assert.ok(parseVector(bytes.subarray(start, end), 100, vector, 0));
      assert.deepEqual(Array.from(vector), Array.from(new Float32Array(parsed.vectors[word]!.slice(0, 100))), word);
    }
  });
}

test('a file without a vectors object is an error', async () => {
  await assert.rejects(
    scanGlove(fixturePath('yelp-excerpt.json'), () => {}),
    /no complete "vectors" object with "dimensions"; expected the wink GloVe JSON/,
  );
});
