import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConlluWord } from '../../src/data/conllu.js';
import { discourseRelationLabels } from '../../src/tasks/discourseRelations.js';

const word = (form: string, misc: string, line: number): ConlluWord =>
  ({ id: line, form, lemma: form, upos: 'X', xpos: 'X', feats: '_', head: 0, deprel: 'dep', deps: '_', misc, line }) as ConlluWord;

test('the first token of each discourse unit carries its coarse relation; ROOT is root; the rest is O', () => {
  const words = [
    word('She', 'Discourse=attribution-positive:3->57:7|Entity=(6-person-new-cf1-1,2,4-coref)', 1),
    word('said', '_', 2),
    word('that', 'Discourse=ROOT:57:0', 3),
    word('rain', 'SpaceAfter=No', 4),
    word('fell', 'Entity=(1-event-new)|Discourse=same-unit:58->57:0', 5),
  ];
  assert.deepEqual(discourseRelationLabels(words, 'gum.conllu'), ['attribution', 'O', 'root', 'O', 'same-unit']);
});

test('a Discourse entry that is not <relation>-<subtype>:… names the file and line', () => {
  assert.throws(
    () => discourseRelationLabels([word('x', 'Discourse=??', 12)], 'gum.conllu'),
    /^TaskrelError: gum\.conllu:12: expected Discourse=<relation>-<subtype>:… in MISC, got 'Discourse=\?\?'$/,
  );
});
