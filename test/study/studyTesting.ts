import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { treebankFiles } from '../../src/data/corpora.js';
import type { RunResult } from '../../src/study/runResult.js';
import { temporaryDirectory } from '../data/testFiles.js';

/** The first `count` sentences of a CoNLL-U file. */
export function conlluHead(file: string, count: number): string {
  return `${readFileSync(file, 'utf8').split(/\n\n/).slice(0, count).join('\n\n')}\n\n`;
}

/** A task of the excerpt study: one column of its CoNLL-U files. */
function excerptTask(name: string, column: string): Record<string, unknown> {
  const files = { train: 'train.conllu', dev: 'dev.conllu', test: 'test.conllu' };
  return { name, kind: 'tagging', format: 'conllu', column, files };
}

/**
 * A small real study: three tagging tasks over the first sentences of UD English EWT (UPOS, XPOS, DEPREL
 * columns), declared by files, with a tiny model and budget so a whole study trains in seconds.
 */
export function excerptStudy(overrides: Record<string, unknown> = {}): { specFile: string; dir: string } {
  const dir = temporaryDirectory();
  const ewt = treebankFiles('en_ewt');
  const sizes = { train: 400, dev: 60, test: 60 };
  for (const split of ['train', 'dev', 'test'] as const) writeFileSync(join(dir, `${split}.conllu`), conlluHead(ewt[split], sizes[split]));
  const spec = {
    name: 'excerpt',
    tasks: [excerptTask('x-upos', 'upos'), excerptTask('x-xpos', 'xpos'), excerptTask('x-deprel', 'deprel')],
    model: { type: 'tagger', embeddingDim: 16, hiddenDim: 16, dropout: 0.1, wordVectors: 'none' },
    budget: { singleBatches: 40 },
    batchSize: 16,
    evaluation: { evalEvery: 20, curveEvery: 5 },
    seeds: [7],
    output: join(dir, 'study'),
    ...overrides,
  };
  const specFile = join(dir, 'excerpt.json');
  writeFileSync(specFile, JSON.stringify(spec, null, 2));
  return { specFile, dir: spec.output as string };
}

/** The excerpt study cut to two tasks (three runs) with budgets long enough to catch a run mid-way. */
export function twoTaskStudy(): { specFile: string; dir: string } {
  return excerptStudy({
    tasks: [excerptTask('x-upos', 'upos'), excerptTask('x-xpos', 'xpos')],
    budget: { singleBatches: 300 },
    evaluation: { evalEvery: 50, curveEvery: 5 },
  });
}

/** A run record with the given test F1 per head, for tests that need results but no training. */
export function fakeRun(kind: 'single' | 'pair', tasks: string[], seed: number, f1: Record<string, number>): RunResult {
  const head = (score: number) => ({
    batches: 10,
    curve: { step: [5, 10], loss: [1, 0.5] },
    dev: { step: [10], f1: [score], accuracy: [score] },
    best: { step: 10, dev: { f1: score, accuracy: score }, test: { f1: score, accuracy: score } },
  });
  return {
    id: `${kind}--${tasks.join('+')}--s${seed}`,
    kind,
    tasks,
    seed,
    specHash: 'hash',
    backend: 'cpu',
    versions: { taskrel: '0.0.0' },
    origin: 'local',
    finishedAt: '2026-01-01T00:00:00.000Z',
    seconds: 1,
    batches: 10,
    heads: Object.fromEntries(tasks.map((t) => [t, head(f1[t])])),
  };
}
