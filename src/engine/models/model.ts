import type { FieldReader } from '../../validate.js';
import type { WordVectorChoice } from '../trainRequest.js';
import type * as tf from '@tensorflow/tfjs';
import type { TaskKind } from '../../tasks/task.js';
import type { Batch } from '../batch.js';
import type { Rng } from '../../shared/random.js';
import type { EmbeddingTable, RowGradient } from './embeddingTable.js';

export interface DenseGradient {
  variable: tf.Variable;
  gradient: tf.Tensor;
}

/** One batch's loss and its gradients; dense gradient tensors belong to the caller (see disposeGradients). */
export interface Gradients {
  loss: number;
  dense: DenseGradient[];
  rows: RowGradient[];
}

export function disposeGradients(gradients: Gradients): void {
  for (const { gradient } of gradients.dense) gradient.dispose();
}

/** Every parameter by name (`shared.…`, `head.<task>.…`): dense ones as tf variables, tables in JavaScript. */
export interface Parameters {
  dense: Record<string, tf.Variable>;
  tables: Record<string, EmbeddingTable>;
}

/**
 * A hard-parameter-sharing model: shared layers plus one output head per task. Any head runs on any batch of
 * the model's input kind, so a head can be scored on another task's examples.
 */
export interface Model {
  /**
   * Mean loss of `head` on `batch` and its gradients with respect to the shared parameters and that head's
   * parameters (no other head's); nothing is applied. `rng` draws the dropout masks.
   */
  gradients(head: string, batch: Batch, rng: Rng): Gradients;
  /** Mean loss of `head` on `batch` without dropout and without gradients (a forward pass only). */
  loss(head: string, batch: Batch): number;
  /** Most probable label per label slot of the batch (per position for tagging, per example otherwise). */
  predict(head: string, batch: Batch): Int32Array;
  parameters(): Parameters;
  dispose(): void;
}

/** An output head to create: its name (the task's) and its number of labels. */
export interface HeadSpec {
  name: string;
  labels: number;
}

export interface ModelContext {
  heads: HeadSpec[];
  vocabularySize: number;
  initialEmbeddings?: Float32Array;
  /** Draws the initial parameters. */
  rng: Rng;
}

/** A model type: the task kind it learns and how to build it from its config. */
export interface ModelDefinition<Config> {
  kind: TaskKind;
  /** Reads its config from a spec's `model` object (`type` already read): defaults, constraints, messages. */
  readSpec(reader: FieldReader): Config & { wordVectors: WordVectorChoice };
  /** How the report says it. */
  describe(spec: Config & { wordVectors: WordVectorChoice }): string;
  /** Throws a spec error naming the first config field (or initialEmbeddings) this model type cannot use. */
  validate(config: Config, vocabularySize: number, initialEmbeddings: Float32Array | undefined): void;
  create(config: Config, context: ModelContext): Model;
}
