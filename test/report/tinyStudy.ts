import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fixtures/report/ (this helper is compiled to dist/test/report/). */
export const reportFixtures = fileURLToPath(new URL('../../../test/fixtures/report', import.meta.url));

/**
 * A private copy of the finished tiny study (test/fixtures/report: its task files and the study folder), so
 * a test can write a report into it. Returns the study folder and a task cache folder inside the copy.
 */
export function copyTinyStudy(): { studyDir: string; cacheDir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'taskrel-report-'));
  cpSync(reportFixtures, root, { recursive: true });
  return { studyDir: join(root, 'tiny-study'), cacheDir: join(root, 'cache'), root };
}
