import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTwoColumn, readTwoColumn } from '../../src/data/twoColumn.js';
import { fixturePath } from './testFiles.js';

test('reads token<TAB>label sentences separated by blank lines', async () => {
  const sentences = await readTwoColumn(fixturePath('ewt-upos-excerpt.conll'));
  assert.equal(sentences.length, 2);
  assert.equal(sentences[0]!.tokens.length, 18);
  assert.deepEqual(sentences[0]!.tokens.slice(0, 3), ['[', 'This', 'killing']);
  assert.deepEqual(sentences[0]!.labels.slice(0, 3), ['PUNCT', 'DET', 'NOUN']);
  assert.deepEqual(sentences[1]!.tokens.slice(0, 2), ['DPA', ':']);
  assert.equal(sentences[1]!.line, 20);
});

test('a row with the wrong number of columns names its line', () => {
  assert.throws(() => parseTwoColumn('The\tDET\ncat NOUN\n', 'ner.conll'), {
    message: 'ner.conll:2: found 1 tab-separated columns; expected 2 (token<TAB>label)',
  });
  assert.throws(() => parseTwoColumn('The\tDET\textra\n', 'ner.conll'), {
    message: 'ner.conll:1: found 3 tab-separated columns; expected 2 (token<TAB>label)',
  });
});

test('an empty label is an error', () => {
  assert.throws(() => parseTwoColumn('\nThe\t\n', 'ner.conll'), {
    message: 'ner.conll:2: empty label; expected token<TAB>label, both non-empty',
  });
});

test('spaces around a token or label are dropped, so `O  ` is the label O', () => {
  const [sentence] = parseTwoColumn('The \tO  \ncat\tB-ANIMAL \n', 'ner.conll');
  assert.deepEqual(sentence, { tokens: ['The', 'cat'], labels: ['O', 'B-ANIMAL'], line: 1 });
  assert.throws(() => parseTwoColumn('The\t  \n', 'ner.conll'), {
    message: 'ner.conll:1: empty label; expected token<TAB>label, both non-empty',
  });
});
