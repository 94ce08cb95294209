import { specError } from '../errors.js';
import type { EncodedSplit, EncodedTask } from '../tasks/encodedTask.js';
import { BackendNames } from './backend.js';
import { checkPositiveInteger } from './checks.js';
import { modelDefinition, modelTypes } from './models/modelTypes.js';
import { optimizers } from './optimizers/optimizers.js';
import { samplers } from './samplers/samplers.js';
import type { TrainRequest, TransferTask } from './trainRequest.js';

/** Throws one TaskrelError naming the first field of `request` that training cannot use, and what was expected. */
export function validateTrainRequest(request: TrainRequest): void {
  for (const field of ['batchSize', 'batches', 'curveEvery', 'evalEvery'] as const) checkPositiveInteger(field, request[field]);
  if (request.devLimit !== undefined && !(Number.isInteger(request.devLimit) && request.devLimit >= 0)) {
    throw specError('devLimit', `expected a whole number ≥ 0, got ${request.devLimit}`);
  }
  if (request.patience !== undefined && !(Number.isInteger(request.patience) && request.patience >= 0)) {
    throw specError('patience', `expected a whole number ≥ 0, got ${request.patience}`);
  }
  if (!Number.isInteger(request.seed)) throw specError('seed', `expected a whole number, got ${request.seed}`);
  if (request.backend !== undefined && !BackendNames.includes(request.backend)) {
    throw specError('backend', `expected one of ${BackendNames.join(', ')}, got '${request.backend}'`);
  }
  if (!Object.hasOwn(optimizers, request.optimizer.name))
    throw specError('optimizer.name', `expected one of ${Object.keys(optimizers).join(', ')}`);
  if (!(request.optimizer.learningRate > 0))
    throw specError('optimizer.learningRate', `expected a positive number, got ${request.optimizer.learningRate}`);
  if (!Object.hasOwn(samplers, request.sampler.name))
    throw specError('sampler.name', `expected one of ${Object.keys(samplers).join(', ')}`);
  if (!(Number.isInteger(request.vocabularySize) && request.vocabularySize >= 2)) {
    throw specError('vocabularySize', `expected a whole number ≥ 2 (padding and unknown word), got ${request.vocabularySize}`);
  }
  if (!Object.hasOwn(modelTypes, request.model.type))
    throw specError('model.type', `expected one of ${Object.keys(modelTypes).join(', ')}`);
  const model = modelDefinition(request.model);
  model.validate(request.model, request.vocabularySize, request.initialEmbeddings);
  if (request.tasks.length === 0) throw specError('tasks', 'expected at least one task');
  checkDistinctNames('tasks', request.tasks);
  checkDistinctNames('transferTasks', request.transferTasks ?? []);
  request.tasks.forEach((task, i) => {
    const { train, dev, test } = task;
    validateTask(task, { train, dev, test }, `tasks[${i}] (${task.name})`, model.kind, request.vocabularySize);
  });
  (request.transferTasks ?? []).forEach((task, i) => {
    validateTask(task, { test: task.test }, `transferTasks[${i}] (${task.name})`, model.kind, request.vocabularySize);
  });
}

function checkDistinctNames(field: string, tasks: readonly { name: string }[]): void {
  const names = tasks.map((t) => t.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw specError(field, `expected distinct task names ('${duplicate}' appears twice)`);
}

/** Checks a task's kind, labels and outside label, and each of the given splits. */
function validateTask(
  task: TransferTask,
  splits: Record<string, EncodedSplit>,
  where: string,
  kind: EncodedTask['kind'],
  vocabularySize: number,
): void {
  if (task.kind !== kind) throw specError(`${where}.kind`, `expected '${kind}' for this model type, got '${task.kind}'`);
  if (task.labels.length === 0) throw specError(`${where}.labels`, 'expected at least one label');
  if (!(Number.isInteger(task.outside) && task.outside >= -1 && task.outside < task.labels.length)) {
    throw specError(`${where}.outside`, `expected −1 or a label index below ${task.labels.length}, got ${task.outside}`);
  }
  for (const [name, split] of Object.entries(splits)) validateSplit(split, `${where}.${name}`, task, vocabularySize);
}

function validateSplit({ tokens, labels }: EncodedSplit, where: string, task: TransferTask, vocabularySize: number): void {
  if (tokens.length === 0) throw specError(where, 'expected at least one example');
  if (labels.length !== tokens.length)
    throw specError(where, `expected as many label rows as token rows (${labels.length} vs ${tokens.length})`);
  tokens.forEach((words, i) => {
    const expected = task.kind === 'tagging' ? words.length : 1;
    if (labels[i].length !== expected) throw specError(`${where}[${i}]`, `expected ${expected} label(s), got ${labels[i].length}`);
    const badWord = words.find((id) => !(id >= 0 && id < vocabularySize));
    if (badWord !== undefined) throw specError(`${where}[${i}].tokens`, `expected token ids in [0, ${vocabularySize}), got ${badWord}`);
    const badLabel = labels[i].find((id) => !(id >= 0 && id < task.labels.length));
    if (badLabel !== undefined)
      throw specError(`${where}[${i}].labels`, `expected label ids in [0, ${task.labels.length}), got ${badLabel}`);
  });
}
