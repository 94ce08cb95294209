import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrown, readBrown } from '../../src/data/brown.js';
import { fixturePath } from './testFiles.js';

test('reads real Brown sentences, one per line, keeping raw tags', async () => {
  const sentences = await readBrown(fixturePath('brown-excerpt.txt'));
  assert.equal(sentences.length, 4);
  assert.deepEqual(sentences[0]!.tokens.slice(0, 3), ['The', 'Fulton', 'County']);
  assert.deepEqual(sentences[0]!.labels.slice(0, 3), ['at', 'np-tl', 'nn-tl']);
  assert.deepEqual(sentences[1]!.labels.slice(0, 2), ['pps+bez', '*']);
});

test('a word containing a slash keeps it: the tag follows the last slash', async () => {
  const verdict = (await readBrown(fixturePath('brown-excerpt.txt')))[3]!;
  const at = verdict.tokens.indexOf('13-1/2');
  assert.ok(at > 0);
  assert.equal(verdict.labels[at], 'cd');
});

test('a token without /tag is an error naming the line', () => {
  assert.throws(() => parseBrown('\tThe/at jury/nn\n\n\tsaid nothing/pn\n', 'ca99'), {
    message: "ca99:3: token 'said' is not word/tag; expected word/tag",
  });
});
