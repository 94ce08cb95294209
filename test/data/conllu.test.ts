import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseConllu, readConllu } from '../../src/data/conllu.js';
import { fixturePath } from './testFiles.js';

const WORD_LINE = '1\tAl\tAl\tPROPN\tNNP\tNumber=Sing\t0\troot\t0:root\tSpaceAfter=No';

test('reads real EWT sentences with all ten columns, comments, multiword tokens and empty nodes', async () => {
  const sentences = await readConllu(fixturePath('ewt-excerpt.conllu'));
  assert.equal(sentences.length, 7);
  const first = sentences[0]!;
  assert.ok(
    first.comments.includes(
      'text = Al-Zaman : American forces killed Shaikh Abdullah al-Ani, the preacher at the mosque in the town of Qaim, near the Syrian border.',
    ),
  );
  assert.equal(first.words.length, 29);
  assert.deepEqual(first.words[6], {
    id: 7,
    form: 'killed',
    lemma: 'kill',
    upos: 'VERB',
    xpos: 'VBD',
    feats: 'Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin',
    head: 1,
    deprel: 'parataxis',
    deps: '1:parataxis',
    misc: '_',
    line: 11,
  });
  const pakistan = sentences[3]!;
  assert.deepEqual(
    pakistan.words.map((w) => w.form),
    ['Until', 'then', 'he', 'had', 'said', 'Pakistan', '’s', 'options', 'were', 'open', '.'],
  );
  assert.deepEqual(
    pakistan.multiwordTokens.map(({ first: f, last, form }) => ({ f, last, form })),
    [{ f: 6, last: 7, form: 'Pakistan’s' }],
  );
  const typo = sentences[6]!;
  assert.equal(typo.words.length, 8);
  assert.deepEqual(
    typo.emptyNodes.map((node) => [node.id, node.upos]),
    [['4.1', 'ADP']],
  );
});

test('the last sentence needs no trailing blank line (UD files end without one)', () => {
  const text = readFileSync(fixturePath('ewt-excerpt.conllu'), 'utf8').trimEnd();
  assert.equal(parseConllu(text, 'x.conllu').length, 7);
});

function parseError(text: string): string {
  try {
    parseConllu(text, 'bad.conllu');
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

test('a row with the wrong number of columns names file, line and the expected 10', () => {
  const row = WORD_LINE.split('\t').slice(0, 9).join('\t');
  assert.equal(
    parseError(`# text = Al\n${row}\n`),
    'bad.conllu:2: found 9 tab-separated columns; expected 10 (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC)',
  );
});

test('a non-integer id is an error', () => {
  assert.equal(
    parseError(WORD_LINE.replace(/^1/, 'one')),
    "bad.conllu:1: id 'one' is not an integer; expected a word id (7), a multiword range (7-8) or an empty node (7.1)",
  );
});

test('word ids must count up from 1 and heads must be integers inside the sentence', () => {
  assert.equal(parseError(WORD_LINE.replace(/^1/, '2')), 'bad.conllu:1: word id 2 out of order; expected 1');
  assert.equal(
    parseError(WORD_LINE.replace('\t0\troot', '\tx\troot')),
    "bad.conllu:1: head 'x' is not an integer; expected a word id or 0",
  );
  assert.equal(
    parseError(WORD_LINE.replace('\t0\troot', '\t4\troot')),
    "bad.conllu:1: head 4 is past the sentence's last word; expected 0..1",
  );
});

test("a head of '_' is allowed (tagged-only files) and read as null", () => {
  assert.equal(parseConllu(WORD_LINE.replace('\t0\troot', '\t_\troot'), 'x')[0]!.words[0]!.head, null);
});

test('a comment after the first word is an error', () => {
  assert.equal(
    parseError(`${WORD_LINE}\n# late comment\n`),
    'bad.conllu:2: comment inside a sentence; expected comments only before its first word',
  );
});
