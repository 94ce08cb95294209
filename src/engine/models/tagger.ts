import * as tf from '@tensorflow/tfjs';
import { specError } from '../../errors.js';
import { checkPositiveInteger, checkRate } from '../checks.js';
import { type TaggerConfig, WordVectorChoices } from '../trainRequest.js';
import { type Batch, labelWeights } from '../batch.js';
import { biLstm } from '../kernels/biLstm.js';
import type { BiLstmLayout, BiLstmWeights } from '../kernels/biLstmKernel.js';
import { softmaxCrossEntropy } from '../kernels/softmaxCrossEntropy.js';
import type { Rng } from '../../shared/random.js';
import { dropoutMask } from './dropout.js';
import { EmbeddingTable, rowGradient } from './embeddingTable.js';
import { type Head, createHeads, headByName, headLogits, headParameters } from './heads.js';
import { uniformValues, variableOf } from './initializers.js';
import type { Gradients, Model, ModelContext, ModelDefinition, Parameters } from './model.js';

/**
 * The paper's sequence tagger: word embeddings → dropout → shared BiLSTM → dropout → one softmax head per task.
 * Embeddings live in JavaScript (lazy row updates); the BiLSTM is the fused op of kernels/biLstm.ts.
 */
export const taggerDefinition: ModelDefinition<TaggerConfig> = {
  kind: 'tagging',
  readSpec(reader) {
    reader.onlyKeys(['type', 'embeddingDim', 'hiddenDim', 'dropout', 'wordVectors']);
    const wordVectors = reader.field('wordVectors').oneOf(WordVectorChoices, 'glove-100d');
    const embeddingDim = reader.field('embeddingDim').integer({ min: 1, fallback: 100 });
    if (wordVectors === 'glove-100d' && embeddingDim !== 100) {
      throw reader.field('embeddingDim').fail("100 with wordVectors 'glove-100d' (or wordVectors 'none')");
    }
    return {
      type: 'tagger',
      embeddingDim,
      hiddenDim: reader.field('hiddenDim').integer({ min: 1, fallback: 100 }),
      dropout: reader.field('dropout').number({ min: 0, max: 0.9, fallback: 0.1 }),
      wordVectors,
    };
  },
  describe: (spec) =>
    `BiLSTM tagger (embeddings ${spec.embeddingDim}, hidden ${spec.hiddenDim}, dropout ${spec.dropout}, word vectors ${spec.wordVectors})`,
  validate(config, vocabularySize, initialEmbeddings) {
    checkPositiveInteger('model.embeddingDim', config.embeddingDim);
    checkPositiveInteger('model.hiddenDim', config.hiddenDim);
    checkRate('model.dropout', config.dropout);
    if (initialEmbeddings !== undefined && initialEmbeddings.length !== vocabularySize * config.embeddingDim) {
      throw specError(
        'initialEmbeddings',
        `expected ${vocabularySize} × ${config.embeddingDim} values (vocabulary × embeddingDim), got ${initialEmbeddings.length}`,
      );
    }
  },
  create: (config, context) => new Tagger(config, context),
};

interface LstmVariables extends BiLstmWeights {
  input: tf.Variable<tf.Rank.R2>;
  bias: tf.Variable<tf.Rank.R1>;
  forward: tf.Variable<tf.Rank.R2>;
  backward: tf.Variable<tf.Rank.R2>;
}

class Tagger implements Model {
  private readonly embeddings: EmbeddingTable;
  private readonly lstm: LstmVariables;
  private readonly heads: Map<string, Head>;

  constructor(
    private readonly config: TaggerConfig,
    { heads, vocabularySize, initialEmbeddings, rng }: ModelContext,
  ) {
    const E = config.embeddingDim;
    const H = config.hiddenDim;
    // Per-component variance 1/E gives random vectors unit expected norm.
    const vectors = initialEmbeddings ? Float32Array.from(initialEmbeddings) : uniformValues(rng, vocabularySize * E, Math.sqrt(3 / E));
    vectors.fill(0, 0, E);
    this.embeddings = new EmbeddingTable(vocabularySize, E, vectors);
    // PyTorch's LSTM initialisation, but with forget-gate bias 1 so early gradients flow through the cell.
    const limit = 1 / Math.sqrt(H);
    const bias = new Float32Array(8 * H);
    for (const d of [0, 1]) bias.fill(1, d * 4 * H + H, d * 4 * H + 2 * H);
    this.lstm = {
      input: variableOf(uniformValues(rng, E * 8 * H, limit), [E, 8 * H]),
      bias: variableOf(bias, [8 * H]),
      forward: variableOf(uniformValues(rng, H * 4 * H, limit), [H, 4 * H]),
      backward: variableOf(uniformValues(rng, H * 4 * H, limit), [H, 4 * H]),
    };
    this.heads = createHeads(heads, 2 * H, rng);
  }

  gradients(headName: string, batch: Batch, rng: Rng): Gradients {
    const head = headByName(this.heads, headName);
    const n = batch.time * batch.size;
    const E = this.config.embeddingDim;
    const inputMask = dropoutMask(rng, n * E, this.config.dropout);
    const outputMask = dropoutMask(rng, n * 2 * this.config.hiddenDim, this.config.dropout);
    const embedded = this.embeddings.gather(batch.tokens);
    if (inputMask !== null) for (let i = 0; i < embedded.length; i++) embedded[i] *= inputMask[i];
    const x = tf.tensor2d(embedded, [n, E]);
    const variables = [this.lstm.input, this.lstm.bias, this.lstm.forward, this.lstm.backward, head.weights, head.bias];
    const targets = { labels: batch.labels, weights: labelWeights(batch) };
    // Gradients with respect to the input tensor and the variables, which the loss reads directly.
    const { value, grads } = tf.valueAndGrads(() => softmaxCrossEntropy(this.logits(x, head, batch, outputMask), targets))([
      x,
      ...variables,
    ]);
    const [dx, ...dense] = grads;
    const rows = rowGradient(this.embeddings, batch.tokens, dx.dataSync() as Float32Array, (i) => i, inputMask ?? undefined);
    const loss = value.dataSync()[0];
    tf.dispose([x, value, dx]);
    return { loss, dense: variables.map((variable, i) => ({ variable, gradient: dense[i] })), rows: [rows] };
  }

  loss(headName: string, batch: Batch): number {
    const head = headByName(this.heads, headName);
    const targets = { labels: batch.labels, weights: labelWeights(batch) };
    const value = tf.tidy(() => {
      const x = tf.tensor2d(this.embeddings.gather(batch.tokens), [batch.time * batch.size, this.config.embeddingDim]);
      return softmaxCrossEntropy(this.logits(x, head, batch, null), targets);
    });
    const loss = value.dataSync()[0];
    value.dispose();
    return loss;
  }

  predict(headName: string, batch: Batch): Int32Array {
    const head = headByName(this.heads, headName);
    const predicted = tf.tidy(() => {
      const x = tf.tensor2d(this.embeddings.gather(batch.tokens), [batch.time * batch.size, this.config.embeddingDim]);
      return tf.argMax(this.logits(x, head, batch, null), 1);
    });
    const labels = Int32Array.from(predicted.dataSync());
    predicted.dispose();
    return labels;
  }

  parameters(): Parameters {
    return {
      dense: {
        'shared.lstm.input': this.lstm.input,
        'shared.lstm.bias': this.lstm.bias,
        'shared.lstm.forward': this.lstm.forward,
        'shared.lstm.backward': this.lstm.backward,
        ...headParameters(this.heads),
      },
      tables: { 'shared.embeddings': this.embeddings },
    };
  }

  dispose(): void {
    tf.dispose(Object.values(this.parameters().dense));
  }

  private logits(x: tf.Tensor2D, head: Head, batch: Batch, outputMask: Float32Array | null): tf.Tensor2D {
    const layout: BiLstmLayout = { time: batch.time, batch: batch.size, lengths: batch.lengths };
    const states = biLstm(x, this.lstm, layout);
    const kept = outputMask === null ? states : tf.mul(states, tf.tensor2d(outputMask, states.shape));
    return headLogits(kept as tf.Tensor2D, head);
  }
}
