import { BatchStream } from './batchStream.js';
import { type Model, disposeGradients } from './models/model.js';
import { modelDefinition } from './models/modelTypes.js';
import { restoreParameters, snapshotParameters } from './models/parameterSnapshot.js';
import { Optimizer } from './optimizers/optimizer.js';
import { optimizerOf } from './optimizers/optimizers.js';
import { Rng } from '../shared/random.js';
import type { TaskSampler } from './samplers/taskSampler.js';
import { samplerOf } from './samplers/samplers.js';
import type { TrainRequest } from './trainRequest.js';
import { type HardSharingState, expectState } from './trainingState.js';

/** What determines a hard-parameter-sharing run's training steps (evaluation and recording aside). */
export type HardSharingRequest = Pick<
  TrainRequest,
  'tasks' | 'vocabularySize' | 'initialEmbeddings' | 'model' | 'optimizer' | 'sampler' | 'batchSize' | 'seed'
>;

/**
 * One model trained by hard parameter sharing: each step the sampler draws a task, the model takes that task's
 * next batch, and the shared layers plus that task's head are updated. One seed fixes everything random, each
 * from its own named stream (initialisation, each task's batch order, task sampling, dropout), so anything that
 * drives training through this class (train, the affinity run) trains identically for the same request.
 */
export class HardSharing {
  readonly rng: Rng;
  readonly model: Model;
  readonly optimizer: Optimizer;
  readonly names: string[];
  private readonly sampler: TaskSampler;
  private readonly sampling: Rng;
  private readonly dropout: Rng;
  private readonly streams: BatchStream[];

  constructor(request: HardSharingRequest) {
    this.rng = new Rng(request.seed);
    this.names = request.tasks.map((t) => t.name);
    this.sampler = samplerOf(request.sampler).create(
      request.sampler,
      request.tasks.map((t) => t.train.tokens.length),
    );
    this.sampling = this.rng.fork('sampling');
    this.dropout = this.rng.fork('dropout');
    this.streams = request.tasks.map((t) => new BatchStream(t.train, t.kind, request.batchSize, this.rng.fork(`batches:${t.name}`)));
    this.optimizer = new Optimizer(optimizerOf(request.optimizer).create(request.optimizer));
    this.model = modelDefinition(request.model).create(request.model, {
      heads: request.tasks.map((t) => ({ name: t.name, labels: t.labels.length })),
      vocabularySize: request.vocabularySize,
      initialEmbeddings: request.initialEmbeddings,
      rng: this.rng.fork('init'),
    });
  }

  /** One training step; returns the drawn task's index and its batch loss. */
  step(): { task: number; loss: number } {
    const task = this.sampler.next(this.sampling);
    const gradients = this.model.gradients(this.names[task], this.streams[task].next(), this.dropout);
    this.optimizer.apply(gradients);
    disposeGradients(gradients);
    return { task, loss: gradients.loss };
  }

  /** A copy of the model, the optimiser and every random stream training advances. */
  state(): HardSharingState {
    return {
      parameters: snapshotParameters(this.model),
      optimizer: this.optimizer.state(this.model.parameters()),
      sampling: this.sampling.state(),
      dropout: this.dropout.state(),
      streams: this.streams.map((stream) => stream.state()),
    };
  }

  /** Continues from `state` (taken by `state()` of a run of the same request). */
  restore(state: HardSharingState): void {
    expectState(
      state.streams.length === this.streams.length,
      `${state.streams.length} batch streams were saved for ${this.streams.length} tasks`,
    );
    restoreParameters(this.model, state.parameters);
    this.optimizer.restore(this.model.parameters(), state.optimizer);
    this.sampling.restore(state.sampling);
    this.dropout.restore(state.dropout);
    this.streams.forEach((stream, i) => {
      stream.restore(state.streams[i]);
    });
  }

  dispose(): void {
    this.model.dispose();
  }
}
