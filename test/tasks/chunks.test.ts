import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkLabels } from '../../src/tasks/chunks.js';
import { bracketed, EWT_EXCERPT, readExcerpt } from './taskTesting.js';

/** Hand-checked against the trees in test/fixtures/ewt-excerpt.conllu and the rules in src/tasks/chunks.ts. */
const expected = [
  '[NP Al - Zaman ] : [NP American forces ] [VP killed ] [NP Shaikh Abdullah al - Ani ] , [NP the preacher ] [PP at ] [NP the mosque ] [PP in ] [NP the town ] [PP of ] [NP Qaim ] , [PP near ] [NP the Syrian border ] .',
  '[ [NP This killing ] [PP of ] [NP a respected cleric ] [VP will be causing ] [NP us ] [NP trouble ] [PP for ] [NP years ] [VP to come ] . ]',
  '[NP DPA ] : [NP Iraqi authorities ] [VP announced ] [SBAR that ] [NP they ] [VP had busted ] [PRT up ] [NP 3 terrorist cells ] [VP operating ] [PP in ] [NP Baghdad ] .',
  // The possessor and its 's join the possessed noun's NP; the copula heads its own VP before the ADJP.
  '[PP Until ] [ADVP then ] [NP he ] [VP had said ] [NP Pakistan ’s options ] [VP were ] [ADJP open ] .',
  // `Shall` is cut off from `censor` by the subject, so it is a VP of its own; `as well` is fixed.
  '[VP Shall ] [NP we ] [VP censor ] [NP the works ] [PP of ] [NP poet Charles Baudelaire ] [ADVP as well ] ?',
  // Negation joins the VP; the tree attaches `to` to `involved`, not to `get`, so it stays apart.
  "[NP I ] [VP 'm not planning ] [VP to ] [VP get ] [ADJP involved ] [SBAR since ] [NP this ] [VP is ] [NP your deal ] .",
  // The empty node 4.1 is not a token; an adverb before a verb without auxiliary is its own ADVP.
  '[NP They ] [ADVP recently ] [VP surprised ] [NP me ] [NP a larger order ] .',
];

test('derives CoNLL-2000-like chunks from real EWT trees', async () => {
  const sentences = await readExcerpt(EWT_EXCERPT);
  assert.equal(sentences.length, expected.length);
  sentences.forEach((sentence, index) => {
    const tokens = sentence.words.map((word) => word.form);
    assert.equal(bracketed(tokens, chunkLabels(sentence.words, EWT_EXCERPT)), expected[index]);
  });
});

test('labels are BIO: every chunk starts with B-, O outside', async () => {
  const [first] = await readExcerpt(EWT_EXCERPT);
  assert.deepEqual(chunkLabels(first!.words, EWT_EXCERPT).slice(0, 7), ['B-NP', 'I-NP', 'I-NP', 'O', 'B-NP', 'I-NP', 'B-VP']);
});
