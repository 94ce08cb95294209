import type { ConlluWord } from '../data/conllu.js';
import { headIndices } from './treeHeads.js';

/**
 * CoNLL-2000-like chunks derived from a UD tree (not gold CoNLL-2000). A chunk is a head word plus the contiguous
 * run of its chunk-internal dependents, found by head rules:
 * - always internal: fixed, flat (all subtypes), goeswith, compound (not compound:prt), hyphens (punct HYPH);
 * - NP: det, det:predet, amod and nmod:poss before a nominal head (nouns, pronouns, numbers, symbols, and
 *   adjectives used as arguments, `the third`), nummod on either side, the possessive `'s` of an nmod:poss,
 *   conjuncts of a premodifier with their coordinator (`the red and blue cars`); advmod before an
 *   ADJ/ADV/NUM/DET (`very big`, `about 5`);
 * - VP: aux, aux:pass, infinitival `to`, negation before the verb; for a non-verbal predicate these attach to its
 *   copula (`[VP has been] [ADJP happy]`);
 * - adverbs between such a modifier and its head (`has probably been`, `a largely Sunni clan`);
 * - chunk type from the head: PRT for compound:prt, PP for case and for mark right before a gerund (`in identifying`),
 *   SBAR for other mark (VP for `to`), else by UPOS (NP nominals/DET, VP verbs, ADJP, ADVP, INTJ); coordinators,
 *   punctuation and stray particles are O.
 * Coordinated nominals and verb chains (`want | to go`) are separate chunks. A dependent cut off from its head's
 * run by a word outside the chunk heads its own chunk.
 */
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'SYM']);
const ARGUMENT = new Set(['nsubj', 'obj', 'iobj', 'obl', 'nmod']);
const DEGREE_HEAD = new Set(['ADJ', 'ADV', 'NUM', 'DET']);
const VERBAL = new Set(['VERB', 'AUX']);
const ALWAYS_INTERNAL = new Set(['fixed', 'flat', 'goeswith', 'compound']);
const PREMODIFIERS = new Set(['det', 'det:predet', 'amod', 'nmod:poss']);
const COORDINATED_PREMODIFIERS = new Set(['amod', 'compound', 'nummod']);

/** A sentence's words with 0-based heads (−1 = root) and chunk parents (heads, with the copula redirect). */
interface Tree {
  words: readonly ConlluWord[];
  heads: number[];
  parents: number[];
}

const baseRelation = (word: ConlluWord): string => word.deprel.split(':')[0] as string;

export function chunkLabels(words: readonly ConlluWord[], file: string): string[] {
  const heads = headIndices(words, file);
  const tree: Tree = { words, heads, parents: words.map((_, index) => chunkParent(words, heads, index)) };
  const isChunkHead = tree.parents.map((parent, index) => parent === -1 || !joinsParent(tree, index));
  let anchors = anchorsOf(tree.parents, isChunkHead);
  for (let changed = true; changed; ) {
    changed = false;
    anchors.forEach((anchor, index) => {
      if (!isChunkHead[index] && !inRun(anchors, anchor, index)) {
        isChunkHead[index] = true;
        changed = true;
      }
    });
    if (changed) anchors = anchorsOf(tree.parents, isChunkHead);
  }
  return anchors.map((anchor, index) => {
    const type = chunkType(words[anchor] as ConlluWord, words[anchor + 1]);
    if (type === null) return 'O';
    return index > 0 && anchors[index - 1] === anchor ? `I-${type}` : `B-${type}`;
  });
}

function isNominal(word: ConlluWord): boolean {
  return NOMINAL.has(word.upos) || (word.upos === 'ADJ' && ARGUMENT.has(baseRelation(word)));
}

function isVerbalSatellite(word: ConlluWord): boolean {
  if (word.deprel === 'advmod') return word.upos === 'ADV' || word.upos === 'PART';
  return word.deprel === 'aux' || word.deprel === 'aux:pass' || (word.deprel === 'mark' && word.xpos === 'TO');
}

/** Where a word attaches for chunking: its head, or, for a verbal satellite of a non-verbal head, the copula. */
function chunkParent(words: readonly ConlluWord[], heads: number[], index: number): number {
  const head = heads[index] as number;
  if (head === -1 || VERBAL.has((words[head] as ConlluWord).upos) || !isVerbalSatellite(words[index] as ConlluWord)) return head;
  const copula = heads.findIndex((h, i) => h === head && words[i]?.deprel === 'cop');
  return copula > index ? copula : head;
}

/** Whether a word belongs to its chunk parent's chunk (before the contiguity check). */
function joinsParent(tree: Tree, index: number): boolean {
  const word = tree.words[index] as ConlluWord;
  const parent = tree.parents[index] as number;
  const head = tree.words[parent] as ConlluWord;
  const before = index < parent;
  const relation = word.deprel;
  if (relation === 'compound:prt') return false;
  if (ALWAYS_INTERNAL.has(baseRelation(word))) return true;
  if (relation === 'punct') return word.xpos === 'HYPH';
  if (relation === 'conj') return isPremodifierConjunct(tree, index);
  if (relation === 'cc') return before && isPremodifierConjunct(tree, parent);
  if (relation === 'case') return word.xpos === 'POS' && head.deprel === 'nmod:poss';
  if (isNominal(head) && ((before && PREMODIFIERS.has(relation)) || relation === 'nummod')) return true;
  if (relation === 'advmod' && before) {
    if (DEGREE_HEAD.has(head.upos) || (word.upos === 'PART' && VERBAL.has(head.upos))) return true;
    if (word.upos !== 'ADV' && word.upos !== 'PART') return false;
    // An adverb joins only between a joined modifier and the head: `has probably been`, `a largely Sunni clan`.
    return tree.parents.some((p, i) => p === parent && i < index && tree.words[i]?.deprel !== 'advmod' && joinsParent(tree, i));
  }
  return VERBAL.has(head.upos) && before && isVerbalSatellite(word);
}

/** A conjunct of an NP premodifier that stays before the noun: `blue` in `the red and blue cars`. */
function isPremodifierConjunct(tree: Tree, index: number): boolean {
  const first = tree.heads[index] as number;
  if (tree.words[index]?.deprel !== 'conj' || first === -1) return false;
  const noun = tree.heads[first] as number;
  const premodifier = COORDINATED_PREMODIFIERS.has((tree.words[first] as ConlluWord).deprel);
  return premodifier && first < index && index < noun && isNominal(tree.words[noun] as ConlluWord);
}

/** Each word's chunk head: itself if it heads a chunk, else its parent's anchor. */
function anchorsOf(parents: number[], isChunkHead: boolean[]): number[] {
  const anchors: number[] = [];
  const find = (index: number): number => {
    anchors[index] ??= isChunkHead[index] ? index : find(parents[index] as number);
    return anchors[index];
  };
  parents.forEach((_, index) => {
    find(index);
  });
  return anchors;
}

/** Whether `index` is in the contiguous run of words sharing `anchor` that contains the anchor itself. */
function inRun(anchors: number[], anchor: number, index: number): boolean {
  const step = index < anchor ? 1 : -1;
  for (let i = index; i !== anchor; i += step) if (anchors[i] !== anchor) return false;
  return true;
}

const TYPE_BY_UPOS: Record<string, string> = { ADJ: 'ADJP', ADV: 'ADVP', ADP: 'PP', SCONJ: 'SBAR', INTJ: 'INTJ' };

/** The type of the chunk headed by `word`, or null for O; `next` is the word after it, if any. */
function chunkType(word: ConlluWord, next: ConlluWord | undefined): string | null {
  if (word.deprel === 'compound:prt') return 'PRT';
  if (word.deprel === 'case') return word.xpos === 'POS' ? null : 'PP';
  if (word.deprel === 'mark') return word.xpos === 'TO' ? 'VP' : word.upos === 'ADP' || next?.xpos === 'VBG' ? 'PP' : 'SBAR';
  if (word.deprel === 'cc' || word.deprel === 'punct') return null;
  if (isNominal(word) || word.upos === 'DET') return 'NP';
  if (VERBAL.has(word.upos)) return 'VP';
  return TYPE_BY_UPOS[word.upos] ?? null;
}
