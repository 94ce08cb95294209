import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomicWrite.js';
import { studyPath } from '../study/studyFolder.js';
import type { LoadTaskOptions } from '../tasks/loadTask.js';
import { loadReportContext } from './loadReportContext.js';
import { type RenderedReport, renderReport } from './renderReport.js';
import { renderFigureSvg } from './staticFigure.js';

/**
 * Writes `<studyDir>/index.html` and `<studyDir>/figures/*.svg` from the study folder's files. Called at the
 * end of every study and by `taskrel report`. Returns the page's path.
 */
export async function writeReport(studyDir: string, taskOptions: LoadTaskOptions = {}): Promise<string> {
  return writeReportFiles(studyDir, await renderReport(await loadReportContext(studyDir, taskOptions)));
}

/**
 * Writes `figures/<id>.svg` for every figure chart, drops figures an older report left behind, then writes
 * `index.html` last so the page never links to a figure that is not there yet. Each file is written atomically.
 */
export async function writeReportFiles(studyDir: string, report: RenderedReport): Promise<string> {
  const figuresDir = studyPath(studyDir, 'figures');
  mkdirSync(figuresDir, { recursive: true });
  const figures = report.charts.filter((c) => c.figure);
  for (const chart of figures) writeFileAtomic(join(figuresDir, `${chart.id}.svg`), await renderFigureSvg(chart.spec));
  const current = new Set(figures.map((c) => `${c.id}.svg`));
  for (const file of readdirSync(figuresDir)) {
    if (file.endsWith('.svg') && !current.has(file)) rmSync(join(figuresDir, file));
  }
  const page = studyPath(studyDir, 'report');
  writeFileAtomic(page, report.html);
  return page;
}
