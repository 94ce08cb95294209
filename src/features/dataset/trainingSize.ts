import type { Example } from '../../tasks/task.js';

/** Training-set size in sentences (examples), the paper's `size` feature. */
export function trainingSize(train: readonly Example[]): number {
  return train.length;
}
