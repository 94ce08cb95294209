import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { readBytes } from '../shared/textFile.js';
import { makeTask } from './makeTask.js';
import type { Task } from './task.js';
import type { TaskRecipe } from './taskRecipe.js';

/** Bump when the cached file layout or the shared preparation (makeTask) changes. */
const CACHE_FORMAT = 1;

/**
 * A prepared task lives in `<cacheDir>/tasks/<name>.<key>.json`. The key hashes the recipe (derivation and its version,
 * kind, description, source, outside label) and the content of every source file, so a new derivation or a
 * changed corpus gets a new file; older files of the same task are then removed. Files are written to a
 * temporary path and renamed, so a reader never sees a partial task.
 */
export async function preparedTask(recipe: TaskRecipe, cacheDir: string, onPrepare?: (name: string) => void): Promise<Task> {
  const key = await cacheKey(recipe);
  const directory = join(cacheDir, 'tasks');
  const path = join(directory, `${recipe.name}.${key}.json`);
  const cached = await readCached(path);
  if (cached) return cached;
  onPrepare?.(recipe.name);
  const task = makeTask(recipe, await recipe.build());
  writeFileAtomic(path, JSON.stringify(task));
  await removeStale(directory, recipe.name, path);
  return task;
}

async function cacheKey(recipe: TaskRecipe): Promise<string> {
  const hash = createHash('sha256');
  const { name, kind, description, source, outside, derivation, files } = recipe;
  hash.update(JSON.stringify({ CACHE_FORMAT, name, kind, description, source, outside, derivation, files: files.length }));
  for (const file of files) hash.update(await readBytes(file));
  return hash.digest('hex').slice(0, 16);
}

async function readCached(path: string): Promise<Task | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const task = JSON.parse(text) as Task;
    return Array.isArray(task.train) && Array.isArray(task.labels) && typeof task.fingerprint === 'string' ? task : null;
  } catch {
    return null;
  }
}

async function removeStale(directory: string, name: string, keep: string): Promise<void> {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{16}\\.json$`);
  for (const entry of await readdir(directory)) {
    const path = join(directory, entry);
    if (pattern.test(entry) && path !== keep) await rm(path, { force: true });
  }
}
