import type { EncodedTask } from '../tasks/encodedTask.js';
import type { BackendName } from './backend.js';

/** BiLSTM tagger: embeddings → shared BiLSTM → one softmax head per task. */
export interface TaggerConfig {
  type: 'tagger';
  embeddingDim: number;
  hiddenDim: number;
  dropout: number;
}

/** Bag-of-words classifier (the GumGum blog's): word counts → shared sigmoid layer → one head per task. */
export interface ClassifierConfig {
  type: 'classifier';
  hiddenDim: number;
  dropout: number;
}

export type ModelConfig = TaggerConfig | ClassifierConfig;

export interface OptimizerConfig {
  name: 'adam' | 'adadelta';
  learningRate: number;
}

/** Which task each multi-task step draws its batch from. */
export interface SamplerConfig {
  name: 'uniform' | 'proportional' | 'temperature';
  /** For `temperature`: p(task) ∝ size^(1/T). T = 1 is proportional, T → ∞ is uniform. */
  temperature?: number;
}

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
  /** Evaluate dev on at most this many examples (the first ones); 0 or absent = all. Test always uses all. */
  devLimit?: number;
  seed: number;
  /** tfjs backend to train on; absent = the fastest that loads (see selectBackend). */
  backend?: BackendName;
  onProgress?: (progress: TrainProgress) => void;
}
