import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a partial one: the content goes
 * to a temporary file in the same directory (same filesystem, so rename is atomic) and is renamed into place.
 * Content may come in chunks (written one after another, never joined in memory). `durable` also flushes the
 * file to disk before the rename, so that after a power loss or reboot the new name never holds unwritten
 * blocks; it costs a disk flush, worth it for large files written now and then (checkpoints).
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array | readonly Uint8Array[],
  options: { durable?: boolean } = {},
): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    const chunks = typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content;
    writeChunks(temporary, chunks, options.durable === true);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeChunks(path: string, chunks: readonly Uint8Array[], durable: boolean): void {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.byteLength; ) written += writeSync(fd, chunk, written);
    }
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
