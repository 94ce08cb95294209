import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What an exported training log implies, to check an import against. */
export interface ExportTruth {
  /** Per task: the loss curve parameters of its single runs, L(i) = a·ln(c·i + 1) + b. */
  curves: Record<string, { a: number; b: number; c: number }>;
  /** Test F1 at the last step: single runs by task, pair runs by "main/aux". */
  singleF1: Record<string, number>;
  pairF1: Record<string, number>;
}

export const exportTruth: ExportTruth = {
  curves: { pos: { a: -0.5, b: 2.4, c: 0.02 }, chunk: { a: -0.8, b: 3.1, c: 0.005 }, ner: { a: -0.3, b: 1.2, c: 0.1 } },
  singleF1: { pos: 0.9, chunk: 0.8, ner: 0.6 },
  pairF1: { 'pos/chunk': 0.91, 'chunk/pos': 0.82, 'pos/ner': 0.88, 'ner/pos': 0.63, 'chunk/ner': 0.78, 'ner/chunk': 0.6 },
};

const steps = Array.from({ length: 50 }, (_, k) => 10 * (k + 1));

/**
 * Writes runs.csv, curves.csv, scores.csv (and task_features.csv unless `withoutTaskFeatures`) for three
 * tasks, one seed, as another framework would export them. Scores are logged at steps 250 and 500; test F1 at
 * 500 is the truth above, at 250 it is 0.05 lower, and dev F1 peaks at 250 (so best-dev picks step 250).
 */
export function writeExport(options: { withoutTaskFeatures?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskrel-export-'));
  mkdirSync(dir, { recursive: true });
  const runs = ['run,tasks,seed'];
  const curves = ['run,task,step,loss'];
  const scores = ['run,task,step,metric,value'];
  const addScores = (run: string, task: string, f1: number) => {
    for (const [step, test, dev] of [
      [250, f1 - 0.05, f1],
      [500, f1, f1 - 0.02],
    ]) {
      scores.push(`${run},${task},${step},test_f1,${test}`, `${run},${task},${step},test_accuracy,${test + 0.01}`);
      scores.push(`${run},${task},${step},dev_f1,${dev}`, `${run},${task},${step},dev_accuracy,${dev + 0.01}`);
    }
  };
  for (const [task, { a, b, c }] of Object.entries(exportTruth.curves)) {
    runs.push(`single-${task},${task},1`);
    for (const i of steps) curves.push(`single-${task},${task},${i},${a * Math.log1p(c * i) + b}`);
    addScores(`single-${task}`, task, exportTruth.singleF1[task]);
  }
  for (const [x, y] of [
    ['pos', 'chunk'],
    ['pos', 'ner'],
    ['chunk', 'ner'],
  ]) {
    const run = `mtl-${x}-${y}`;
    runs.push(`${run},"${x}+${y}",1`);
    curves.push(`${run},${x},10,1.5`, `${run},${y},10,2.5`);
    addScores(run, x, exportTruth.pairF1[`${x}/${y}`]);
    addScores(run, y, exportTruth.pairF1[`${y}/${x}`]);
  }
  writeFileSync(join(dir, 'runs.csv'), `${runs.join('\n')}\n`);
  writeFileSync(join(dir, 'curves.csv'), `${curves.join('\n')}\n`);
  writeFileSync(join(dir, 'scores.csv'), `${scores.join('\n')}\n`);
  if (!options.withoutTaskFeatures) {
    writeFileSync(
      join(dir, 'task_features.csv'),
      'task,feature,value\npos,sentences,12000\nchunk,sentences,8000\nner,sentences,14000\npos,oov_rate,2.5\nchunk,oov_rate,3\n',
    );
  }
  return dir;
}
