import type { ConlluSentence } from '../data/conllu.js';
import { sentenceMentions, type Mention } from './entityMentions.js';
import { bioLabels, outermostSpans } from './spans.js';

/** Derivations of the GUM tasks: BIO over the outermost mentions (nested mentions are not labelled). */
function outermostBio(
  sentence: ConlluSentence,
  file: string,
  keep: (mention: Mention) => boolean,
  label: (mention: Mention) => string,
): string[] {
  const spans = sentenceMentions(sentence, file)
    .filter(keep)
    .map((mention) => ({ start: mention.start, end: mention.end, order: mention.order, label: label(mention) }));
  return bioLabels(sentence.words.length, outermostSpans(spans));
}

/** Entity type (person, place, organization, …) of each outermost mention. */
export function entityTypeLabels(sentence: ConlluSentence, file: string): string[] {
  return outermostBio(
    sentence,
    file,
    () => true,
    (mention) => mention.etype,
  );
}

/** Information status (new, giv:act, giv:inact, acc:inf, acc:com, acc:aggr, undefined) of each outermost mention. */
export function informationStatusLabels(sentence: ConlluSentence, file: string): string[] {
  return outermostBio(
    sentence,
    file,
    () => true,
    (mention) => mention.infstat,
  );
}

/** `WIKI` spans: outermost among the mentions linked to Wikipedia (a linked mention inside an unlinked one counts). */
export function wikiLinkLabels(sentence: ConlluSentence, file: string): string[] {
  return outermostBio(
    sentence,
    file,
    (mention) => mention.identity !== null,
    () => 'WIKI',
  );
}
