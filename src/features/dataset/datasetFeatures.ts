import type { Task } from '../../tasks/task.js';
import { type DatasetFeatureName, DatasetFeatureNames } from '../taskFeatures.js';
import { frobeniusNorm } from './frobeniusNorm.js';
import { jsDivergence } from './jsDivergence.js';
import { labelCount } from './labelCount.js';
import { labelEntropy } from './labelEntropy.js';
import { oovRate } from './oovRate.js';
import { tokensPerType } from './tokensPerType.js';
import { trainingSize } from './trainingSize.js';

export interface DatasetFeatureResult {
  values: Partial<Record<DatasetFeatureName, number>>;
  missing: Partial<Record<DatasetFeatureName, string>>;
}

/**
 * The seven dataset features of a task. `vocabulary` is the word-vector vocabulary for the OOV rate; without
 * one the OOV rate is missing (with that reason) rather than guessed.
 */
export function datasetFeatures(task: Pick<Task, 'train' | 'test'>, vocabulary: ReadonlySet<string> | undefined): DatasetFeatureResult {
  const computed: Record<DatasetFeatureName, [number | undefined, string]> = {
    sentences: [trainingSize(task.train), ''],
    labels: [labelCount(task.train), ''],
    tokens_per_type: [tokensPerType(task.train), 'the training split has no tokens'],
    oov_rate: vocabulary
      ? [oovRate(task.train, vocabulary), 'the training split has no tokens']
      : [undefined, 'no word-vector vocabulary to compare with'],
    label_entropy: [labelEntropy(task.train), 'the training split has no labels'],
    frobenius_norm: [frobeniusNorm(task.train), ''],
    js_divergence: [jsDivergence(task.train, task.test), 'the training or test split has no tokens'],
  };
  const result: DatasetFeatureResult = { values: {}, missing: {} };
  for (const name of DatasetFeatureNames) {
    const [value, reason] = computed[name];
    if (value === undefined) result.missing[name] = reason;
    else result.values[name] = value;
  }
  return result;
}
