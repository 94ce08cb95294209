import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeStudy } from '../../src/workflows/analyze.js';
import { computeGains } from '../../src/study/gains.js';
import { prepareStudy } from '../../src/study/prepareStudy.js';
import { parseStudySpec } from '../../src/study/spec.js';
import { readRuns, readStudySpec, studyPath, writeGains } from '../../src/study/studyFolder.js';
import { taskRefName } from '../../src/study/taskRef.js';
import { temporaryDirectory } from '../data/testFiles.js';

const studies = fileURLToPath(new URL('../../../studies/', import.meta.url));
const shipped = join(studies, 'reference');
const spec = parseStudySpec(JSON.parse(readFileSync(join(studies, 'reference.json'), 'utf8')), 'reference.json', studies);

test('the shipped reference study holds exactly the runs its spec plans, each with the spec hash of today’s code', async () => {
  const { plans } = await prepareStudy(spec);
  const runs = new Map(readRuns(shipped).map((run) => [run.id, run]));
  assert.deepEqual([...runs.keys()].sort(), plans.map((p) => p.id).sort());
  for (const plan of plans) assert.equal(runs.get(plan.id)?.specHash, plan.specHash, plan.id);
  const stored = readStudySpec(shipped);
  assert.deepEqual({ ...stored, output: spec.output }, spec, 'study.json is the normalized spec');
});

test('every single-task run of the reference study learned, and its dev F1 had plateaued by the end of its budget', () => {
  for (const run of readRuns(shipped).filter((r) => r.kind === 'single')) {
    const head = run.heads[run.tasks[0] as string];
    assert.ok(head !== undefined && head.best.test.f1 > 0.2, `${run.id}: test F1 ${head?.best.test.f1}`);
    // The last quarter of training adds less than one point of dev F1 to the best before it.
    const best = (upTo: number) => Math.max(...head.dev.f1.filter((_, i) => (head.dev.step[i] as number) <= upTo));
    const late = best(run.batches) - best(0.75 * run.batches);
    assert.ok(late < 0.01, `${run.id}: dev F1 still rose by ${late.toFixed(4)} in the last quarter`);
  }
});

test('gains.csv, features.csv, pairs.csv, meta.json and replay.json re-derive identically from the shipped runs', async () => {
  const copy = join(temporaryDirectory(), 'reference');
  cpSync(shipped, copy, { recursive: true });
  writeGains(copy, computeGains(readRuns(copy), spec.tasks.map(taskRefName)).rows);
  await analyzeStudy(copy);
  for (const file of ['gains', 'features', 'pairs', 'meta', 'replay'] as const) {
    assert.equal(readFileSync(studyPath(copy, file), 'utf8'), readFileSync(studyPath(shipped, file), 'utf8'), file);
  }
});
