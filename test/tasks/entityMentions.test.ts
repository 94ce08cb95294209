import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConlluSentence } from '../../src/data/conllu.js';
import { sentenceMentions } from '../../src/tasks/entityMentions.js';
import { GUM_EXCERPT, readExcerpt } from './taskTesting.js';

test('parses nested openings and closings, with Wikipedia identities', async () => {
  const claire = (await readExcerpt(GUM_EXCERPT))[1]!;
  // Claire Bailey - Ross claire.bailey-ross@port.ac.uk University of Portsmouth , United Kingdom
  const mentions = sentenceMentions(claire, GUM_EXCERPT).map(({ entity, etype, infstat, start, end, identity }) => [
    entity,
    etype,
    infstat,
    start,
    end,
    identity,
  ]);
  assert.deepEqual(mentions, [
    ['6', 'person', 'new', 0, 3, null],
    ['7', 'abstract', 'new', 4, 4, null],
    ['8', 'organization', 'new', 5, 10, 'University_of_Portsmouth'],
    ['9', 'place', 'new', 7, 10, 'Portsmouth'],
    ['10', 'place', 'new', 9, 10, 'United_Kingdom'],
  ]);
});

function withEntities(sentence: ConlluSentence, values: string[]): ConlluSentence {
  return {
    ...sentence,
    comments: [],
    words: sentence.words.map((word, index) => ({ ...word, misc: values[index] ? `Entity=${values[index]}` : '_' })),
  };
}

test('an identity keeps its hyphens; several mentions can open and close on one word', async () => {
  const [first] = await readExcerpt(GUM_EXCERPT);
  const sentence = withEntities(first!, [
    '(1-place-new-cf1-2-sgl-Guinea-Bissau(2-person-giv:act-cf2-1-coref)',
    '1)',
    '(3-time-new-cf3-1-sgl)',
  ]);
  assert.deepEqual(
    sentenceMentions(sentence, 'x').map((m) => [m.entity, m.start, m.end, m.identity]),
    [
      ['1', 0, 1, 'Guinea-Bissau'],
      ['2', 0, 0, null],
      ['3', 2, 2, null],
    ],
  );
});

test('a closing without an opening, or a mention left open, is an error naming the line', async () => {
  const [first] = await readExcerpt(GUM_EXCERPT);
  assert.throws(() => sentenceMentions(withEntities(first!, ['', '4)']), 'g.conllu'), {
    message: `g.conllu:${first!.words[1]!.line}: Entity closing '4' has no open mention; expected 'id)' after '(id-...'`,
  });
  assert.throws(() => sentenceMentions(withEntities(first!, ['(4-person-new-cf1-1-sgl']), 'g.conllu'), {
    message: `g.conllu:${first!.words[0]!.line}: mention of entity 4 is not closed in its sentence; expected 'id)'`,
  });
});

test('another global.Entity field order is rejected rather than misread', async () => {
  const [first] = await readExcerpt(GUM_EXCERPT);
  const sentence = { ...first!, comments: ['global.Entity = GRP-etype-head'] };
  assert.throws(
    () => sentenceMentions(sentence, 'g.conllu'),
    /global\.Entity = GRP-etype-head is not supported; expected GRP-etype-infstat-centering-minspan-link-identity/,
  );
});
