import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTsv, readTsv } from '../../src/data/tsv.js';
import { fixturePath } from './testFiles.js';

test('reads text and label by header name, ignoring other columns', async () => {
  const rows = await readTsv(fixturePath('yelp-excerpt.tsv'));
  assert.equal(rows.length, 6);
  assert.deepEqual(rows[1], { text: 'Crust is not good.', label: 'negative', line: 3 });
});

test('a header without text or label is an error on line 1', () => {
  assert.throws(() => parseTsv('sentence\tlabel\nGood.\tpositive\n', 'x.tsv'), {
    message: "x.tsv:1: header 'sentence\tlabel' lacks 'text'; expected a tab-separated header with columns 'text' and 'label'",
  });
});

test('a row with the wrong number of columns names its line', () => {
  assert.throws(() => parseTsv('text\tlabel\nGood.\tpositive\nBad.\n', 'x.tsv'), { message: 'x.tsv:3: found 1 tab-separated columns; expected 2 as in the header' });
});

test('a row without text is an error', () => {
  assert.throws(() => parseTsv('text\tlabel\n \tpositive\n', 'x.tsv'), { message: "x.tsv:2: row has no text; expected a non-empty 'text' column" });
});
