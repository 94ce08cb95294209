import * as tf from '@tensorflow/tfjs';
import { specError } from '../../errors.js';
import { checkPositiveInteger, checkRate } from '../checks.js';
import type { ClassifierConfig } from '../trainRequest.js';
import { type Batch, labelWeights } from '../batch.js';
import { softmaxCrossEntropy } from '../kernels/softmaxCrossEntropy.js';
import { INPUT_WEIGHTS } from '../inputImportance.js';
import { PAD_ID } from '../../tasks/encodedTask.js';
import type { Rng } from '../../shared/random.js';
import { dropoutMask } from './dropout.js';
import { EmbeddingTable, rowGradient } from './embeddingTable.js';
import { type Head, createHeads, headByName, headLogits, headParameters } from './heads.js';
import { glorotUniform, variableOf } from './initializers.js';
import type { Gradients, Model, ModelContext, ModelDefinition, Parameters } from './model.js';

/**
 * The GumGum blog's text classifier: bag of words (term counts over the vocabulary) → one shared dense sigmoid
 * layer → dropout → one softmax head per task. Multiplying a count vector by the first weight matrix is a sum of
 * that matrix's rows, so the matrix is an EmbeddingTable: only the rows of words in the batch are read and
 * updated, never the whole vocabulary × hidden matrix.
 */
export const classifierDefinition: ModelDefinition<ClassifierConfig> = {
  kind: 'classification',
  readSpec(reader) {
    reader.onlyKeys(['type', 'hiddenDim', 'dropout', 'wordVectors']);
    return {
      type: 'classifier',
      hiddenDim: reader.field('hiddenDim').integer({ min: 1, fallback: 50 }),
      dropout: reader.field('dropout').number({ min: 0, max: 0.9, fallback: 0 }),
      wordVectors: reader.field('wordVectors').oneOf(['none'] as const, 'none'),
    };
  },
  describe: (spec) => `bag-of-words classifier (hidden ${spec.hiddenDim}, dropout ${spec.dropout})`,
  validate(config, _vocabularySize, initialEmbeddings) {
    checkPositiveInteger('model.hiddenDim', config.hiddenDim);
    checkRate('model.dropout', config.dropout);
    if (initialEmbeddings !== undefined) throw specError('initialEmbeddings', 'expected none: the classifier has no word embeddings');
  },
  create: (config, context) => new Classifier(config, context),
};

class Classifier implements Model {
  private readonly hidden: EmbeddingTable;
  private readonly hiddenBias: tf.Variable<tf.Rank.R1>;
  private readonly heads: Map<string, Head>;

  constructor(
    private readonly config: ClassifierConfig,
    { heads, vocabularySize, rng }: ModelContext,
  ) {
    const H = config.hiddenDim;
    this.hidden = new EmbeddingTable(vocabularySize, H, glorotUniform(rng, vocabularySize, H));
    this.hiddenBias = variableOf(new Float32Array(H), [H]);
    this.heads = createHeads(heads, H, rng);
  }

  gradients(headName: string, batch: Batch, rng: Rng): Gradients {
    const head = headByName(this.heads, headName);
    const mask = dropoutMask(rng, batch.size * this.config.hiddenDim, this.config.dropout);
    const bag = tf.tensor2d(this.bagOfWords(batch), [batch.size, this.config.hiddenDim]);
    const variables = [this.hiddenBias, head.weights, head.bias];
    const targets = { labels: batch.labels, weights: labelWeights(batch) };
    // Gradients with respect to the input tensor and the variables, which the loss reads directly.
    const { value, grads } = tf.valueAndGrads(() => softmaxCrossEntropy(this.logits(bag, head, mask), targets))([bag, ...variables]);
    const [dBag, ...dense] = grads;
    // Token at time-major index i belongs to example i mod size, whose summed row got gradient dBag[example].
    const rows = rowGradient(this.hidden, batch.tokens, dBag.dataSync() as Float32Array, (i) => i % batch.size);
    const loss = value.dataSync()[0];
    tf.dispose([bag, value, dBag]);
    return { loss, dense: variables.map((variable, i) => ({ variable, gradient: dense[i] })), rows: [rows] };
  }

  loss(headName: string, batch: Batch): number {
    const head = headByName(this.heads, headName);
    const targets = { labels: batch.labels, weights: labelWeights(batch) };
    const value = tf.tidy(() => {
      const bag = tf.tensor2d(this.bagOfWords(batch), [batch.size, this.config.hiddenDim]);
      return softmaxCrossEntropy(this.logits(bag, head, null), targets);
    });
    const loss = value.dataSync()[0];
    value.dispose();
    return loss;
  }

  predict(headName: string, batch: Batch): Int32Array {
    const head = headByName(this.heads, headName);
    const predicted = tf.tidy(() => {
      const bag = tf.tensor2d(this.bagOfWords(batch), [batch.size, this.config.hiddenDim]);
      return tf.argMax(this.logits(bag, head, null), 1);
    });
    const labels = Int32Array.from(predicted.dataSync());
    predicted.dispose();
    return labels;
  }

  parameters(): Parameters {
    return {
      dense: { 'shared.hidden.bias': this.hiddenBias, ...headParameters(this.heads) },
      tables: { [INPUT_WEIGHTS]: this.hidden },
    };
  }

  dispose(): void {
    tf.dispose(Object.values(this.parameters().dense));
  }

  /** Σ over each example's tokens of their rows: the count vector times the first weight matrix, [size, H]. */
  private bagOfWords({ tokens, size }: Batch): Float32Array {
    const H = this.config.hiddenDim;
    const { values } = this.hidden;
    const sums = new Float32Array(size * H);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] === PAD_ID) continue;
      const to = (i % size) * H;
      const from = tokens[i] * H;
      for (let k = 0; k < H; k++) sums[to + k] += values[from + k];
    }
    return sums;
  }

  private logits(bag: tf.Tensor2D, head: Head, mask: Float32Array | null): tf.Tensor2D {
    const hidden = tf.sigmoid(tf.add(bag, this.hiddenBias));
    const kept = mask === null ? hidden : tf.mul(hidden, tf.tensor2d(mask, hidden.shape as [number, number]));
    return headLogits(kept as tf.Tensor2D, head);
  }
}
