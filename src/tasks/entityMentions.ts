import type { ConlluSentence, ConlluWord } from '../data/conllu.js';
import { inputError } from '../errors.js';

/**
 * Coreference mentions from the CorefUD `Entity=` attribute in MISC, as in UD English GUM, whose documents declare
 * `# global.Entity = GRP-etype-infstat-centering-minspan-link-identity`. An opening is
 * `(id-etype-infstat-centering-minspan-link[-identity]`, a closing `id)`, a one-word mention `(...)`; a word can
 * carry several, and mentions nest. The Wikipedia title (identity) is everything after the sixth field.
 */
export const GUM_ENTITY_FIELDS = 'GRP-etype-infstat-centering-minspan-link-identity';

export interface Mention {
  /** 0-based word indices, inclusive. */
  start: number;
  end: number;
  entity: string;
  etype: string;
  infstat: string;
  /** Wikipedia title, or null when the mention is not linked. */
  identity: string | null;
  /** Position of the opening bracket in the sentence, to break ties between mentions with the same span. */
  order: number;
}

export function sentenceMentions(sentence: ConlluSentence, file: string): Mention[] {
  checkDeclaration(sentence, file);
  const mentions: Mention[] = [];
  const open: Mention[] = [];
  sentence.words.forEach((word, index) => {
    const value = entityValue(word);
    let at = 0;
    while (at < value.length) {
      if (value[at] === '(') {
        const stop = nextBracket(value, at + 1);
        const mention = parseOpening(value.slice(at + 1, stop), index, mentions.length + open.length, file, word);
        if (value[stop] === ')') mentions.push(mention);
        else open.push(mention);
        at = value[stop] === ')' ? stop + 1 : stop;
      } else {
        const stop = value.indexOf(')', at);
        const entity = value.slice(at, stop === -1 ? undefined : stop);
        const match = open.map((mention) => mention.entity).lastIndexOf(entity);
        if (stop === -1 || match === -1)
          throw inputError(file, word.line, `Entity closing '${entity}' has no open mention; expected 'id)' after '(id-...'`);
        const [mention] = open.splice(match, 1) as [Mention];
        mentions.push({ ...mention, end: index });
        at = stop + 1;
      }
    }
  });
  const [unclosed] = open;
  if (unclosed)
    throw inputError(
      file,
      sentence.words[unclosed.start]?.line,
      `mention of entity ${unclosed.entity} is not closed in its sentence; expected 'id)'`,
    );
  return mentions.sort((a, b) => a.order - b.order);
}

function checkDeclaration(sentence: ConlluSentence, file: string): void {
  const declaration = sentence.comments.find((comment) => comment.startsWith('global.Entity'));
  const fields = declaration?.split('=')[1]?.trim();
  if (declaration !== undefined && fields !== GUM_ENTITY_FIELDS) {
    throw inputError(file, sentence.line, `global.Entity = ${fields ?? ''} is not supported; expected ${GUM_ENTITY_FIELDS}`);
  }
}

function entityValue(word: ConlluWord): string {
  const field = word.misc.split('|').find((item) => item.startsWith('Entity='));
  return field === undefined ? '' : field.slice('Entity='.length);
}

function nextBracket(value: string, from: number): number {
  for (let at = from; at < value.length; at++) if (value[at] === '(' || value[at] === ')') return at;
  return value.length;
}

function parseOpening(spec: string, index: number, order: number, file: string, word: ConlluWord): Mention {
  const fields = spec.split('-');
  const [entity, etype, infstat] = fields;
  if (!entity || !etype || !infstat)
    throw inputError(file, word.line, `Entity opening '(${spec}' has too few fields; expected (${GUM_ENTITY_FIELDS}`);
  const identity = fields.slice(6).join('-');
  return { start: index, end: index, entity, etype, infstat, identity: identity === '' ? null : identity, order };
}
