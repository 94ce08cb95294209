import { builtinTask, builtinTasks } from '../tasks/builtinTasks.js';
import { type LoadTaskOptions, loadTask } from '../tasks/loadTask.js';
import type { Task } from '../tasks/task.js';
import { type TaskSpec, readTaskSpec } from '../tasks/taskSpec.js';
import type { FieldReader } from '../validate.js';

/**
 * A task trained elsewhere and brought in by `taskrel import`: only its name, curves and scores are known
 * (dataset features may come from the import's task_features.csv). It cannot be trained here.
 */
export interface ExternalTaskRef {
  name: string;
  external: true;
}

/** A study's task: a built-in task's name, a task declared by files, or an imported one. */
export type TaskRef = string | TaskSpec | ExternalTaskRef;

export function taskRefName(ref: TaskRef): string {
  return typeof ref === 'string' ? ref : ref.name;
}

export function isExternal(ref: TaskRef): ref is ExternalTaskRef {
  return typeof ref !== 'string' && 'external' in ref;
}

/** Reads one entry of a study spec's `tasks`; relative file paths resolve against `baseDir`. */
export function readTaskRef(reader: FieldReader, baseDir: string): TaskRef {
  if (typeof reader.value === 'string') {
    const name = reader.string();
    if (!builtinTask(name)) {
      throw reader.fail(`a built-in task (${builtinTasks.map((t) => t.name).join(', ')}) or a task declared by files`);
    }
    return name;
  }
  if (reader.field('external').present) {
    reader.onlyKeys(['name', 'external']);
    if (reader.field('external').value !== true) throw reader.field('external').fail('true');
    return { name: reader.field('name').matching(/^[^\s,]+$/, 'a task name without spaces or commas'), external: true };
  }
  return readTaskSpec(reader, baseDir);
}

/** The task's data, or undefined for an imported (external) task whose data is not here. */
export async function loadTaskRef(ref: TaskRef, options: LoadTaskOptions = {}): Promise<Task | undefined> {
  return isExternal(ref) ? undefined : loadTask(ref, options);
}
