import type { EncodedTask } from '../tasks/encodedTask.js';

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
  seed: number;
  onProgress?: (progress: TrainProgress) => void;
}
