import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path of a file under test/fixtures/ (this helper is compiled to dist/test/data/). */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));
}

const created: string[] = [];
process.on('exit', () =>
  created.forEach((directory) => {
    rmSync(directory, { recursive: true, force: true });
  }),
);

/** A fresh empty folder under the system temp folder, removed when the test process exits. */
export function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'taskrel-test-'));
  created.push(directory);
  return directory;
}

/** Writes `content` to a new file in a fresh temp folder and returns its path. */
export function temporaryFile(name: string, content: string | Uint8Array): string {
  const path = join(temporaryDirectory(), name);
  writeFileSync(path, content);
  return path;
}
