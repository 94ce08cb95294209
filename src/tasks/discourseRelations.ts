import type { ConlluWord } from '../data/conllu.js';
import { inputError } from '../errors.js';

/**
 * GUM's gold RST annotation marks the first token of every elementary discourse unit (EDU) with
 * `Discourse=<relation>-<subtype>:<edu>-><head edu>:<depth>` in MISC (`Discourse=ROOT:<edu>:0` for a document's
 * central unit, `same-unit` without subtype for the parts of a split unit). Each EDU start is labelled with its
 * coarse relation (the part before the subtype: joint, elaboration, attribution, …; `root` for ROOT), every other token O: segmenting a text into discourse units and
 * saying how each attaches, a discourse-level task.
 */
export function discourseRelationLabels(words: readonly ConlluWord[], file: string): string[] {
  return words.map((word) => {
    const entry = word.misc.split('|').find((part) => part.startsWith('Discourse='));
    if (entry === undefined) return 'O';
    const relation = /^Discourse=(same-unit|[A-Za-z_]+)[-:]/.exec(entry)?.[1];
    if (relation === undefined) throw inputError(file, word.line, `expected Discourse=<relation>-<subtype>:… in MISC, got '${entry}'`);
    return relation.toLowerCase();
  });
}
