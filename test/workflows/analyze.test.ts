import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative as relativePath } from 'node:path';
import { after, test } from 'node:test';
import type { HeadResult } from '../../src/engine/trainingResult.js';
import { datasetFeatures } from '../../src/features/dataset/datasetFeatures.js';
import { analyzeStudy } from '../../src/workflows/analyze.js';
import { computeGains } from '../../src/study/gains.js';
import type { RunResult } from '../../src/study/runResult.js';
import { parseStudySpec } from '../../src/study/spec.js';
import { writeGains, writeRun, writeStudySpec } from '../../src/study/studyFolder.js';
import { tinyTask, tinyVocabulary } from '../features/tinyTask.js';

const made: string[] = [];
after(() =>
  made.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

// Built-in task names, as a taskrel study spec requires; the dataset features come from a stub source.
const [a, b, c, d] = ['ewt-upos', 'ewt-xpos', 'ewt-chunk', 'gum-ner'];
const tasks = [a, b, c, d];
const steps = Array.from({ length: 20 }, (_, k) => 5 * (k + 1));

function head(task: string, f1: number): HeadResult {
  const t = tasks.indexOf(task);
  return {
    batches: 100,
    curve: { step: steps, loss: steps.map((i) => -(0.2 + 0.1 * t) * Math.log1p(0.05 * (t + 1) * i) + 2) },
    dev: { step: [100], f1: [f1], accuracy: [f1] },
    best: { step: 100, dev: { f1, accuracy: f1 }, test: { f1, accuracy: f1 } },
  };
}

function run(runTasks: string[], seed: number, f1s: number[]): RunResult {
  const kind = runTasks.length === 1 ? 'single' : 'pair';
  return {
    id: `${kind}--${runTasks.join('+')}--s${seed}`,
    kind,
    tasks: runTasks,
    seed,
    specHash: 'h',
    backend: 'cpu',
    versions: {},
    origin: 'local',
    finishedAt: '2026-01-01T00:00:00.000Z',
    seconds: 1,
    batches: 100,
    heads: Object.fromEntries(runTasks.map((task, i) => [task, head(task, f1s[i])])),
  };
}

/**
 * A 4-task study (a, b, c, d in this order), two seeds, every single-task F1 0.8. In pair x+y (x before y), x
 * scores 0.81/0.795 when it is a, else 0.83/0.84; y scores 0.79/0.805 when it is d, else 0.835/0.84. So b/a,
 * c/a, c/b gain with p = 0.042 (paired t-test, n = 2); b/c, b/d, c/d gain with p = 0.090; a/b, a/c, a/d gain
 * on average with p ≫ 0.05; d/a, d/b, d/c lose.
 */
function writeStudy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taskrel-study-'));
  made.push(dir);
  const spec = parseStudySpec(
    {
      name: 'tiny',
      description: 'four made-up tasks',
      tasks,
      budget: { singleBatches: 100 },
      seeds: [1, 2],
      output: dir,
      analysis: { significantOnly: true },
    },
    'test spec',
    dir,
  );
  writeStudySpec(dir, spec);
  const runs: RunResult[] = [];
  for (const seed of [1, 2]) {
    for (const task of tasks) runs.push(run([task], seed, [0.8]));
    for (const [i, x] of tasks.entries()) {
      for (const y of tasks.slice(i + 1)) {
        const noise = seed === 1 ? 0.01 : -0.005;
        const xF1 = x === a ? 0.8 + noise : 0.82 + seed / 100;
        runs.push(run([x, y], seed, [xF1, y === d ? 0.8 - noise : 0.83 + seed / 200]));
      }
    }
  }
  runs.forEach((r) => {
    writeRun(dir, r);
  });
  writeGains(dir, computeGains(runs, tasks).rows);
  return dir;
}

test('analyzeStudy: dataset features from the given source, curve features averaged over seeds, p-value labels', async () => {
  const dir = writeStudy();
  const source = async () => datasetFeatures(tinyTask(), tinyVocabulary);
  const analysis = await analyzeStudy(dir, { datasetSource: source, meta: { repetitions: 3, rankingSplits: 3 } });
  assert.equal(analysis.features.length, 4);
  assert.equal(analysis.features[0].values.sentences, 3);
  assert.equal(analysis.features[1].curveFit.curves, 2);
  // Its curves are a·ln(0.1·i + 1) + 2 from step 5: the knee is 5 + 1/0.1 steps.
  assert.ok(Math.abs((analysis.features[1].values.curve_knee ?? NaN) - 15) < 1e-5);
  assert.equal(analysis.pairs.length, 12);
  // significantOnly (from study.json): only the gains with p < 0.05 are labelled "gain".
  const gained = analysis.pairs.filter((p) => p.label === 1).map((p) => `${p.main}/${p.aux}`);
  assert.deepEqual(gained.sort(), [`${b}/${a}`, `${c}/${a}`, `${c}/${b}`].sort());
  const bc = analysis.pairs.find((p) => p.main === b && p.aux === c);
  assert.ok(bc && bc.gain > 0 && bc.pValue !== null && Math.abs(bc.pValue - 0.0903) < 1e-3);
  assert.equal(analysis.meta.protocol.significantOnly, true);
  // Identical dataset features for every task: all their pair features are constant, so said to be uninformative.
  assert.ok(analysis.meta.features.constant.includes('main_sentences'));
});

test('analyzeStudy: a folder without gains.csv or study.json is one clear error', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'taskrel-empty-'));
  made.push(empty);
  await assert.rejects(analyzeStudy(empty), /not a study folder \(no study\.json\)/);
  const dir = writeStudy();
  rmSync(join(dir, 'gains.csv'));
  await assert.rejects(analyzeStudy(dir), /no gains\.csv yet; run the study/);
  // A relative folder is named by its absolute path: the working directory decides which folder it is.
  const relative = relativePath(process.cwd(), empty);
  await assert.rejects(analyzeStudy(relative), {
    message: `${empty}: not a study folder (no study.json); run 'taskrel study' or 'taskrel import' first`,
  });
});

test("analyzeStudy in the paper's curve-feature mode: its features, files and protocol", async () => {
  const dir = writeStudy();
  const source = async () => datasetFeatures(tinyTask(), tinyVocabulary);
  const analysis = await analyzeStudy(dir, { datasetSource: source, meta: { repetitions: 3, rankingSplits: 3 }, curveFeatures: 'paper' });
  assert.equal(analysis.meta.protocol.curveFeatures, 'paper');
  const [first] = analysis.features;
  // 20 points: the notebook's gradients are defined; every 10th point leaves 2 to fit, fewer than its 4 parameters.
  assert.equal(typeof first.values.gradient_10, 'number');
  assert.match(first.missing.curve_b ?? '', /2 points in the fitting window/);
  assert.equal(first.values.curve_a, undefined);
  assert.ok(readFileSync(join(dir, 'features.csv'), 'utf8').startsWith('task,sentences,'));
  assert.ok(readFileSync(join(dir, 'pairs.csv'), 'utf8').split('\n')[0].endsWith('ratio_curve_b,ratio_curve_c'));
});
