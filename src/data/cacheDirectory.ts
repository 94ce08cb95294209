import { fileURLToPath } from 'node:url';

/**
 * Where prepared tasks and word-vector indexes live: `$TASKREL_CACHE` if set, else `data/cache/` in the package
 * root (this file is compiled to dist/src/data/, three levels below the root).
 */
export function cacheDirectory(): string {
  return process.env.TASKREL_CACHE ?? fileURLToPath(new URL('../../../data/cache', import.meta.url));
}
