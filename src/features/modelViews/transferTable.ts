import type { RunResult } from '../../study/runResult.js';
import { type MeanInterval, meanInterval } from '../../shared/meanInterval.js';
import { studyModels } from './studyModels.js';

/**
 * What the model behind a head knew of the test set's task: it is the head's own task, the model trained on it
 * through its other head (a joint model's shared layer saw it), or the model never trained on it.
 */
export const TransferRelations = ['own task', 'shared layer trained on it', 'never trained on it'] as const;
export type TransferRelation = (typeof TransferRelations)[number];

/** One head of one model scored on one task's test set, over seeds (at the head's best-dev checkpoints). */
export interface TransferCell {
  testTask: string;
  head: string;
  /** The model's name (its tasks joined by `+`) and tasks. */
  model: string;
  modelTasks: string[];
  relation: TransferRelation;
  accuracy: MeanInterval;
  f1: MeanInterval;
}

/**
 * View 3 of the GumGum blog: each task's test set through every head that was scored on it — its own heads
 * (alone and in joint models) from the test scores, the other tasks' heads from the transfer records. Models
 * whose runs carry no transfer record give only their own-task cells.
 */
export function transferTable(runs: readonly RunResult[], tasks: readonly string[]): TransferCell[] {
  return studyModels(runs, tasks).flatMap((model) =>
    model.tasks.flatMap((head) => {
      const scored = new Map<string, { accuracy: number[]; f1: number[] }>();
      const add = (testTask: string, scores: { accuracy: number; f1: number }): void => {
        const cell = scored.get(testTask) ?? { accuracy: [], f1: [] };
        cell.accuracy.push(scores.accuracy);
        cell.f1.push(scores.f1);
        scored.set(testTask, cell);
      };
      for (const run of model.runs) {
        const { test, transfer } = run.heads[head].best;
        add(head, test);
        for (const [testTask, scores] of Object.entries(transfer ?? {})) add(testTask, scores);
      }
      return [...scored].map(([testTask, values]) => ({
        testTask,
        head,
        model: model.name,
        modelTasks: model.tasks,
        relation: relationOf(testTask, head, model.tasks),
        accuracy: meanInterval(values.accuracy),
        f1: meanInterval(values.f1),
      }));
    }),
  );
}

function relationOf(testTask: string, head: string, modelTasks: readonly string[]): TransferRelation {
  if (testTask === head) return 'own task';
  return modelTasks.includes(testTask) ? 'shared layer trained on it' : 'never trained on it';
}

/** Task A's test set through task B's head: in B's single-task model, and in the joint model A + B. */
export interface SharedLayerComparison {
  testTask: string;
  head: string;
  alone: MeanInterval;
  joint: MeanInterval;
}

/**
 * The blog's reading of view 3: does a head do better on a task it never trained on when its shared layer did
 * (the joint model with that task) than in its single-task model? One row per (test task, head) with both cells.
 */
export function sharedLayerComparisons(cells: readonly TransferCell[]): SharedLayerComparison[] {
  return cells.flatMap((joint) => {
    if (joint.relation !== 'shared layer trained on it') return [];
    const alone = cells.find((c) => c.head === joint.head && c.testTask === joint.testTask && c.modelTasks.length === 1);
    return alone === undefined ? [] : [{ testTask: joint.testTask, head: joint.head, alone: alone.accuracy, joint: joint.accuracy }];
  });
}
