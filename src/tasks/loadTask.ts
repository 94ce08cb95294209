import { cacheDirectory } from '../data/cacheDirectory.js';
import { requireBuiltinTask } from './builtinTasks.js';
import { specRecipe } from './specRecipe.js';
import type { Task } from './task.js';
import { preparedTask } from './taskCache.js';
import type { TaskSpec } from './taskSpec.js';

export interface LoadTaskOptions {
  /** Cache folder; defaults to `$TASKREL_CACHE` or the package's `data/cache/`. */
  cacheDir?: string;
  /** Called before a task is prepared (read and derived) rather than read from the cache. */
  onPrepare?: (name: string) => void;
}

/** The one entry point to tasks: a built-in task by name, or a validated file-declared TaskSpec. */
export async function loadTask(nameOrSpec: string | TaskSpec, options: LoadTaskOptions = {}): Promise<Task> {
  const recipe = typeof nameOrSpec === 'string' ? requireBuiltinTask(nameOrSpec).recipe() : specRecipe(nameOrSpec);
  return preparedTask(recipe, options.cacheDir ?? cacheDirectory(), options.onPrepare);
}
