import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityTypeLabels, informationStatusLabels, wikiLinkLabels } from '../../src/tasks/entityTasks.js';
import { bracketed, GUM_EXCERPT, readExcerpt } from './taskTesting.js';

/** Hand-checked against the Entity= brackets in test/fixtures/gum-excerpt.conllu (GUM_academic_art-1, -3, -12, -15). */
const expected = {
  ner: [
    '[abstract Aesthetic Appreciation ] and [abstract Spanish Art ] :',
    '[person Claire Bailey - Ross ] [abstract claire.bailey-ross@port.ac.uk ] [organization University of Portsmouth , United Kingdom ]',
    '[abstract This paper ] describes [abstract a collaborative pilot project ] focusing on [object a unique collection of 17th Century Zurbarán paintings ] .',
    'In [abstract this paper ] , [person we ] report upon [abstract the novel insights eye - tracking techniques have provided into the unconscious processes of viewing the unique collection of Zurbarán artworks ] .',
  ],
  wiki: [
    'Aesthetic Appreciation and Spanish Art :',
    'Claire Bailey - Ross claire.bailey-ross@port.ac.uk [WIKI University of Portsmouth , United Kingdom ]',
    // The linked Zurbarán is inside unlinked mentions: it is outermost among the linked ones.
    'This paper describes a collaborative pilot project focusing on a unique collection of 17th Century [WIKI Zurbarán ] paintings .',
    'In this paper , we report upon the novel insights eye - tracking techniques have provided into the unconscious processes of viewing the unique collection of [WIKI Zurbarán ] artworks .',
  ],
  infstat: [
    '[new Aesthetic Appreciation ] and [new Spanish Art ] :',
    '[new Claire Bailey - Ross ] [new claire.bailey-ross@port.ac.uk ] [new University of Portsmouth , United Kingdom ]',
    '[acc:com This paper ] describes [new a collaborative pilot project ] focusing on [new a unique collection of 17th Century Zurbarán paintings ] .',
    'In [giv:inact this paper ] , [acc:aggr we ] report upon [giv:inact the novel insights eye - tracking techniques have provided into the unconscious processes of viewing the unique collection of Zurbarán artworks ] .',
  ],
};

const derivations = { ner: entityTypeLabels, wiki: wikiLinkLabels, infstat: informationStatusLabels };

for (const [task, derive] of Object.entries(derivations)) {
  test(`gum ${task}: BIO over the outermost mentions of real GUM sentences`, async () => {
    const sentences = await readExcerpt(GUM_EXCERPT);
    const got = sentences.map((sentence) =>
      bracketed(
        sentence.words.map((w) => w.form),
        derive(sentence, GUM_EXCERPT),
      ),
    );
    assert.deepEqual(got, expected[task as keyof typeof expected]);
  });
}
