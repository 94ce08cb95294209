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
  assert.throws(() => parseTsv('text\tlabel\nGood.\tpositive\nBad.\n', 'x.tsv'), {
    message: 'x.tsv:3: found 1 tab-separated columns; expected 2 as in the header',
  });
});

test('a row without text is an error', () => {
  assert.throws(() => parseTsv('text\tlabel\n \tpositive\n', 'x.tsv'), {
    message: "x.tsv:2: row has no text; expected a non-empty 'text' column",
  });
});

test('fields quoted as CSV writers quote them read back without the quotes', () => {
  // Written by Python's csv.writer(delimiter='\t'), which quotes a field holding a quote, a tab or a line break.
  const written =
    'text\tlabel\n"He said ""great"" twice."\tpositive\n"""Meh"" is all I can say"\tnegative\n"two\tcolumns inside"\tnegative\n"a line\nbreak"\tpositive\nplain text\tpositive\n';
  assert.deepEqual(parseTsv(written, 'x.tsv'), [
    { text: 'He said "great" twice.', label: 'positive', line: 2 },
    { text: '"Meh" is all I can say', label: 'negative', line: 3 },
    { text: 'two\tcolumns inside', label: 'negative', line: 4 },
    { text: 'a line\nbreak', label: 'positive', line: 5 },
    { text: 'plain text', label: 'positive', line: 7 },
  ]);
  // A quote inside an unquoted field is text; an unclosed quoted field is an error at its line.
  assert.equal(parseTsv('text\tlabel\n5" screen\tpositive\n', 'x.tsv')[0].text, '5" screen');
  assert.throws(() => parseTsv('text\tlabel\nfine\tpositive\n"never closed\tnegative\n', 'x.tsv'), {
    message: 'x.tsv:3: a quoted field is never closed; expected a closing "',
  });
});
