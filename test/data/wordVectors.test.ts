import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gloveWords, wordVectors } from '../../src/data/wordVectors.js';
import { fixturePath, temporaryDirectory } from './testFiles.js';

const file = fixturePath('glove-excerpt.json');
const parsed = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Record<string, number[]> };

test('returns the rows of the asked-for words in order, zeros for missing words', async () => {
  const cacheDir = temporaryDirectory();
  const { dimensions, matrix, found } = await wordVectors(['of', 'zyzzyva', '"'], { cacheDir, file });
  assert.equal(dimensions, 100);
  assert.equal(matrix.length, 300);
  assert.deepEqual(Array.from(matrix.subarray(0, 100)), Array.from(new Float32Array(parsed.vectors.of!.slice(0, 100))));
  assert.ok(matrix.subarray(100, 200).every((value) => value === 0));
  assert.deepEqual(Array.from(matrix.subarray(200, 300)), Array.from(new Float32Array(parsed.vectors['"']!.slice(0, 100))));
  assert.deepEqual([...found].sort(), ['"', 'of']);
  const [index] = readdirSync(cacheDir);
  assert.match(index!, /^glove-[0-9a-f]{16}$/);
  assert.deepEqual(readdirSync(`${cacheDir}/${index}`).sort(), ['meta.json', 'ranges.bin', 'words.txt']);
  assert.deepEqual(readFileSync(`${cacheDir}/${index}/words.txt`, 'utf8').split('\n').slice(0, 5), ['the', ',', 'of', 'and', '"']);
});

test('the installed GloVe 6B has 341,479 words and the published vector for "the"', async () => {
  const cacheDir = temporaryDirectory();
  const words = await gloveWords({ cacheDir });
  assert.equal(words.size, 341479);
  assert.deepEqual([...words].slice(0, 4), ['the', ',', '.', 'of']);
  const { matrix, found } = await wordVectors(['the', 'cat'], { cacheDir });
  assert.equal(found.size, 2);
  assert.deepEqual(
    Array.from(matrix.subarray(0, 3)).map((v) => Number(v.toFixed(6))),
    [-0.038194, -0.24487, 0.72812],
  );
  assert.deepEqual(
    Array.from(matrix.subarray(100, 103)).map((v) => Number(v.toFixed(5))),
    [0.23088, 0.28283, 0.6318],
  );
});
