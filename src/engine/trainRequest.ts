import type { EncodedTask } from '../tasks/encodedTask.js';
import type { BackendName } from './backend.js';
import type { CheckpointHook, TrainingState } from './trainingState.js';

/** BiLSTM tagger: embeddings → shared BiLSTM → one softmax head per task. */
export interface TaggerConfig {
  type: 'tagger';
  embeddingDim: number;
  hiddenDim: number;
  dropout: number;
}

/**
 * Bag-of-words classifier (the GumGum blog's): word counts → shared sigmoid layer → one head per task. Counts rather
 * than 0/1 presence: in single sentences a word rarely repeats unless it is a function word (in the UCI sentiment
 * sets 85% of repeated vocabulary tokens are among the 30 most frequent words), so the two barely differ.
 */
export interface ClassifierConfig {
  type: 'classifier';
  hiddenDim: number;
  dropout: number;
}

export type ModelConfig = TaggerConfig | ClassifierConfig;

/** Where a model's first embeddings come from: GloVe's 100-d vectors, or random initialisation. */
export const WordVectorChoices = ['glove-100d', 'none'] as const;
export type WordVectorChoice = (typeof WordVectorChoices)[number];

/** A model as a study spec gives it: its config and its word vectors. */
export type ModelSpec = ModelConfig & { wordVectors: WordVectorChoice };

export interface OptimizerConfig {
  /** A name of the optimisers registry (engine/optimizers/optimizers.ts). */
  name: string;
  learningRate: number;
}

/** Which task each multi-task step draws its batch from. */
export interface SamplerConfig {
  /** A name of the samplers registry (engine/samplers/samplers.ts). */
  name: string;
  /** The sampler's own options (e.g. `temperature`), as its definition read them. */
  [option: string]: string | number;
}

/** Another task's test split, for scoring heads of the model on it (TrainRequest.transferTasks). */
export type TransferTask = Pick<EncodedTask, 'name' | 'kind' | 'labels' | 'outside' | 'test'>;

export interface TrainProgress {
  step: number;
  batches: number;
  task: string;
  loss: number;
}

export interface TrainRequest {
  tasks: EncodedTask[];
  vocabularySize: number;
  /** Initial embedding rows (vocabularySize × embeddingDim, row-major), e.g. GloVe; random when absent. */
  initialEmbeddings?: Float32Array;
  model: ModelConfig;
  optimizer: OptimizerConfig;
  sampler: SamplerConfig;
  batchSize: number;
  /** Total training batches over all tasks. */
  batches: number;
  /** Record each task's mean training loss every `curveEvery` steps of that task. */
  curveEvery: number;
  /** Evaluate every head on dev every `evalEvery` global steps (and at the end). */
  evalEvery: number;
  /**
   * Stop early once no head's dev F1 has improved for this many evaluations in a row (0 or absent: train all
   * `batches`). Each head keeps its best-dev checkpoint either way.
   */
  patience?: number;
  /** Evaluate dev on at most this many examples (the first ones); 0 or absent = all. Test always uses all. */
  devLimit?: number;
  seed: number;
  /**
   * Test sets each head is also scored on at its best-dev checkpoint (`best.transfer`): those with exactly the
   * head's task's labels (so label ids agree) and another name. Absent = none.
   */
  transferTasks?: TransferTask[];
  /** Record `inputImportance` at the end of training; only for models with an input weight layer (the classifier). */
  inputImportance?: boolean;
  /** tfjs backend to train on; absent = the fastest that loads (see selectBackend). */
  backend?: BackendName;
  onProgress?: (progress: TrainProgress) => void;
  /** Continue from this state (offered to `checkpoint` by a run of this same request) instead of from step 0. */
  resume?: TrainingState;
  /** Offered the run's state between steps, to save it (see train). */
  checkpoint?: CheckpointHook<TrainingState>;
}
