import type { ConlluWord } from '../data/conllu.js';
import { headIndices } from './treeHeads.js';

/**
 * Multiword expressions derived from a UD tree (not gold MWE annotation): words joined by `fixed`, `flat` (any
 * subtype) or `compound` form a group; each maximal contiguous run of a group that stays connected by those
 * relations and has two or more words is one expression. `compound:prt` does not count: particle verbs are
 * often split (`pick it up`) and are the PRT chunks of ewt-chunk. Hyphens (punct HYPH) attached inside a group
 * join it (`al - Ani`) but never start or end an expression. Labels are BIO typed by the strongest relation in
 * the run: fixed, then flat, then compound (B-fixed, I-flat, …), O elsewhere.
 */
const TYPES = ['fixed', 'flat', 'compound'] as const;
type MweType = (typeof TYPES)[number];

function mweType(word: ConlluWord): MweType | null {
  if (word.deprel === 'compound:prt') return null;
  return TYPES.find((type) => word.deprel.split(':')[0] === type) ?? null;
}

export function mweLabels(words: readonly ConlluWord[], file: string): string[] {
  const heads = headIndices(words, file);
  const joins = (index: number): boolean =>
    heads[index] !== -1 && (mweType(words[index] as ConlluWord) !== null || isHyphen(words[index] as ConlluWord));
  const group = components(heads, joins);
  const labels: string[] = words.map(() => 'O');
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    while (end < words.length && group[end] === group[start]) end++;
    labelRun(words, heads, joins, start, end, labels);
    start = end;
  }
  return labels;
}

function isHyphen(word: ConlluWord): boolean {
  return word.deprel === 'punct' && word.xpos === 'HYPH';
}

/** Labels words start..end−1 (one contiguous run of a group) if, trimmed of hyphens, it is a connected MWE. */
function labelRun(
  words: readonly ConlluWord[],
  heads: number[],
  joins: (index: number) => boolean,
  from: number,
  to: number,
  labels: string[],
): void {
  let start = from;
  let end = to;
  while (start < end && isHyphen(words[start] as ConlluWord)) start++;
  while (end > start && isHyphen(words[end - 1] as ConlluWord)) end--;
  if (end - start < 2) return;
  const inRun = (index: number): boolean => index >= start && index < end;
  const runGroup = components(heads, (index) => inRun(index) && inRun(heads[index] as number) && joins(index));
  if (!range(start, end).every((index) => runGroup[index] === runGroup[start])) return;
  const types = range(start, end).map((index) => mweType(words[index] as ConlluWord));
  const type = TYPES.find((candidate) => types.includes(candidate)) as MweType;
  range(start, end).forEach((index) => {
    labels[index] = `${index === start ? 'B' : 'I'}-${type}`;
  });
}

/** Connected components over the edges word → head for which `joins(word)` holds; returns a root per word. */
function components(heads: number[], joins: (index: number) => boolean): number[] {
  const root = heads.map((_, index) => index);
  const find = (index: number): number => {
    if (root[index] !== index) root[index] = find(root[index] as number);
    return root[index] as number;
  };
  heads.forEach((head, index) => {
    if (joins(index)) root[find(index)] = find(head);
  });
  return heads.map((_, index) => find(index));
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}
