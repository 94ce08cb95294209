import type { TaskKind } from './task.js';

/**
 * A task turned into integer ids for the engine. Token ids index a Vocabulary (0 = padding, 1 = unknown word);
 * label ids index `labels`. For classification each example has exactly one label id.
 */
export interface EncodedSplit {
  tokens: Int32Array[];
  labels: Int32Array[];
}

export interface EncodedTask {
  name: string;
  kind: TaskKind;
  labels: string[];
  /** Index of the outside label excluded from micro-F1, or -1 when every label counts. */
  outside: number;
  train: EncodedSplit;
  dev: EncodedSplit;
  test: EncodedSplit;
}

export const PAD_ID = 0;
export const UNK_ID = 1;

/** Word list of a model's input layer: words[0] is padding, words[1] the unknown word. */
export interface Vocabulary {
  words: string[];
}
