import type { TaskKind } from '../tasks/task.js';
import { type EncodedSplit, PAD_ID } from '../tasks/encodedTask.js';

/**
 * Examples padded to the longest one in the batch, time-major: position t of example b is index t · size + b
 * (the layout the BiLSTM runs on). Positions at or beyond an example's length hold PAD_ID.
 */
export interface Batch {
  kind: TaskKind;
  size: number;
  time: number;
  lengths: Int32Array;
  tokens: Int32Array;
  /** Tagging: one label per position ([time · size], 0 at padding). Classification: one per example ([size]). */
  labels: Int32Array;
}

export function makeBatch(split: EncodedSplit, indices: readonly number[], kind: TaskKind): Batch {
  const size = indices.length;
  const lengths = Int32Array.from(indices, (i) => split.tokens[i].length);
  const time = Math.max(1, ...lengths);
  const tokens = new Int32Array(time * size).fill(PAD_ID);
  const labels = new Int32Array(kind === 'tagging' ? time * size : size);
  indices.forEach((example, b) => {
    const words = split.tokens[example];
    const gold = split.labels[example];
    for (let t = 0; t < words.length; t++) tokens[t * size + b] = words[t];
    if (kind === 'classification') labels[b] = gold[0];
    else for (let t = 0; t < gold.length; t++) labels[t * size + b] = gold[t];
  });
  return { kind, size, time, lengths, tokens, labels };
}

/** Weight of each label slot in the loss and the metrics: 1 for real tokens (or examples), 0 for padding. */
export function labelWeights(batch: Batch): Float32Array {
  if (batch.kind === 'classification') return new Float32Array(batch.size).fill(1);
  const weights = new Float32Array(batch.labels.length);
  for (let b = 0; b < batch.size; b++) {
    for (let t = 0; t < batch.lengths[b]; t++) weights[t * batch.size + b] = 1;
  }
  return weights;
}
