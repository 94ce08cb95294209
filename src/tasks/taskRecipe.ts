import type { Example, SplitName, TaskKind } from './task.js';

/**
 * How to make a task: what it is, which files it comes from and how to read them. Built-in tasks and file-declared
 * tasks are both recipes, so caching and the unseen-label policy are applied to them the same way.
 */
export interface TaskRecipe {
  name: string;
  kind: TaskKind;
  description: string;
  source: string;
  outside: string | null;
  /**
   * Names the derivation and its settings with a version, e.g. `chunk/1` or `conllu:xpos/1`; change it whenever
   * the labels would change, so cached copies are rebuilt.
   */
  derivation: string;
  /** Every file the task is derived from, in a fixed order; their contents are part of the cache key. */
  files: string[];
  build(): Promise<BuiltSplits>;
}

export interface BuiltSplits {
  splits: Record<SplitName, Example[]>;
  /** Where each split comes from (a file, or a corpus and split rule), for the empty-split error. */
  origin: Record<SplitName, string>;
}

/** A built-in task as listed; `recipe()` resolves the corpus files only when the task is actually used. */
export interface BuiltinTask {
  name: string;
  kind: TaskKind;
  description: string;
  recipe(): TaskRecipe;
}
