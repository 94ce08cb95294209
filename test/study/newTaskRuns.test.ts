import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareNewTasks, trainNewTaskRuns } from '../../src/study/newTaskRuns.js';
import { type RunPlan, planRuns } from '../../src/study/runPlan.js';
import type { RunExecutor } from '../../src/study/runExecutor.js';
import type { StudyListener } from '../../src/study/runStudy.js';
import { readRuns, readStudySpec } from '../../src/study/studyFolder.js';
import { loadTaskRef, taskRefName } from '../../src/study/taskRef.js';
import type { Task } from '../../src/tasks/task.js';
import { type TaskSpec, validateTaskSpec } from '../../src/tasks/taskSpec.js';
import { copyTinyStudy } from '../report/tinyStudy.js';
import { fakeRun } from './studyTesting.js';

/** The tiny report study (chunk, ner-conll, pos, sentiment; seeds 1, 2) and new tagging tasks over copies of its files. */
function setUp() {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  const conll = (name: string, base: string): TaskSpec => {
    const files = Object.fromEntries(['train', 'dev', 'test'].map((split) => [split, join(root, 'tasks', `${base}.${split}.conll`)]));
    return validateTaskSpec({ name, kind: 'tagging', format: 'conll', files }, 'test', root);
  };
  return {
    studyDir,
    cacheDir,
    root,
    out: join(root, 'recommend'),
    spec: readStudySpec(studyDir),
    newTask: conll('tags', 'pos'),
    chunks: conll('chunks', 'chunk'),
    names: conll('names', 'ner-conll'),
  };
}

const plansOf = (map: Map<string, RunPlan[]>): [string, string[]][] => [...map].map(([task, plans]) => [task, plans.map((p) => p.id)]);

test("the study's own tasks as candidates: the main task planned as if it had been one of the study's tasks", async () => {
  const { cacheDir, out, newTask, spec } = setUp();
  const prepared = await prepareNewTasks(spec, out, newTask, null, { cacheDir });
  assert.equal(prepared.spec.output, out);
  assert.deepEqual(prepared.spec.tasks.map(taskRefName), ['chunk', 'ner-conll', 'pos', 'sentiment', 'tags']);
  assert.deepEqual(plansOf(prepared.singles), [['tags', ['single--tags--s1', 'single--tags--s2']]]);
  assert.deepEqual([...prepared.pairs.keys()], ['chunk', 'ner-conll', 'pos', 'sentiment']);
  assert.deepEqual(
    prepared.pairs.get('pos')?.map((p) => [p.id, p.batches]),
    [
      ['pair--pos+tags--s1', 800],
      ['pair--pos+tags--s2', 800],
    ],
  );
  assert.deepEqual(prepared.given, []);
  // A study that had the task from the start plans the same runs with the same hashes.
  const withTask = { ...spec, tasks: [...spec.tasks, newTask] };
  const tasks = await Promise.all(withTask.tasks.map((ref) => loadTaskRef(ref, { cacheDir }) as Promise<Task>));
  const full = planRuns(withTask, new Map(tasks.map((t) => [t.name, t.fingerprint])));
  const planned = [...[...prepared.singles.values()].flat(), ...[...prepared.pairs.values()].flat()];
  assert.equal(planned.length, 10);
  for (const plan of planned)
    assert.deepEqual(
      full.find((p) => p.id === plan.id),
      plan,
    );
  assert.equal(prepared.untrainable.size, 0);
});

test('given candidates: each planned at its own size (no study caps), and a single run is the same whoever comes with it', async () => {
  const { cacheDir, out, newTask, chunks, names, spec: study } = setUp();
  const spec = { ...study, trainSentences: { pos: 3 } };
  const prepared = await prepareNewTasks(spec, out, newTask, [chunks, names], { cacheDir });
  assert.deepEqual(prepared.spec.tasks.map(taskRefName), ['tags', 'chunks', 'names']);
  assert.deepEqual(prepared.spec.trainSentences, {});
  assert.deepEqual(
    prepared.given.map((t) => [t.name, t.train.length]),
    [
      ['chunks', 6],
      ['names', 6],
    ],
  );
  assert.deepEqual(plansOf(prepared.singles), [
    ['tags', ['single--tags--s1', 'single--tags--s2']],
    ['chunks', ['single--chunks--s1', 'single--chunks--s2']],
    ['names', ['single--names--s1', 'single--names--s2']],
  ]);
  assert.deepEqual(plansOf(prepared.pairs), [
    ['chunks', ['pair--chunks+tags--s1', 'pair--chunks+tags--s2']],
    ['names', ['pair--names+tags--s1', 'pair--names+tags--s2']],
  ]);
  const alone = await prepareNewTasks(spec, out, newTask, [names], { cacheDir });
  assert.deepEqual(alone.singles.get('tags'), prepared.singles.get('tags'));
  assert.deepEqual(alone.singles.get('names'), prepared.singles.get('names'));
  // The same task against the study with the study's tasks as candidates: the same single runs.
  const asNew = await prepareNewTasks({ ...spec, trainSentences: {} }, out, newTask, null, { cacheDir });
  assert.deepEqual(asNew.singles.get('tags'), prepared.singles.get('tags'));
});

test('a main task already in the study (without --aux), a repeated name, the wrong kind or a bad file: one clear error each', async () => {
  const { cacheDir, root, out, newTask, chunks, spec } = setUp();
  await assert.rejects(
    prepareNewTasks(spec, out, 'pos' as string, null, { cacheDir }),
    /task 'pos' is already part of study 'tiny-study'; its measured gains are in its gains\.csv \(or give the candidates with --aux\)/,
  );
  await assert.rejects(
    prepareNewTasks(spec, out, newTask, [chunks, newTask], { cacheDir }),
    /^TaskrelError: task name 'tags' is given twice; every task needs its own name/,
  );
  const files = {
    train: join(root, 'tasks', 'sentiment.train.tsv'),
    dev: join(root, 'tasks', 'sentiment.dev.tsv'),
    test: join(root, 'tasks', 'sentiment.test.tsv'),
  };
  const reviews: TaskSpec = validateTaskSpec({ name: 'reviews', kind: 'classification', format: 'tsv', files }, 'test', root);
  await assert.rejects(
    prepareNewTasks(spec, out, newTask, [chunks, reviews], { cacheDir }),
    /task 'reviews' is a classification task, but study 'tiny-study' trains a tagger model, which takes tagging tasks/,
  );
  const bad = join(root, 'tasks', 'bad.train.conll');
  writeFileSync(bad, 'The\tDET\ncat\tNOUN\textra\n');
  const broken = validateTaskSpec({ name: 'broken', kind: 'tagging', format: 'conll', files: { ...files, train: bad } }, 'test', root);
  await assert.rejects(
    prepareNewTasks(spec, out, newTask, [chunks, broken], { cacheDir }),
    new RegExp(`${bad.replace(/[.]/g, '\\.')}:2: found 3 tab-separated columns; expected 2`),
  );
  assert.ok(!existsSync(out), 'nothing written');
});

test('study tasks without data here cannot be paired, a study-wide vocabulary cannot be built without them, an imported study trains nothing', async () => {
  const { cacheDir, out, newTask, spec } = setUp();
  const withImported = { ...spec, tasks: [...spec.tasks, { name: 'elsewhere', external: true as const }] };
  const prepared = await prepareNewTasks(withImported, out, newTask, null, { cacheDir });
  assert.deepEqual([...prepared.untrainable], [['elsewhere', 'imported: trained elsewhere, its data is not here']]);
  assert.ok(!prepared.pairs.has('elsewhere'));
  const studyScope = { ...withImported, vocabulary: { ...spec.vocabulary, scope: 'study' as const } };
  await assert.rejects(
    prepareNewTasks(studyScope, out, newTask, null, { cacheDir }),
    /builds its vocabulary from all its tasks, so new tasks cannot be trained here: elsewhere: imported/,
  );
  const imported = { ...spec, tasks: spec.tasks.map((t) => ({ name: taskRefName(t), external: true as const })) };
  await assert.rejects(
    prepareNewTasks(imported, out, newTask, null, { cacheDir }),
    /study 'tiny-study' was imported: its runs were trained elsewhere, so a run of 'tags' here would not be comparable/,
  );
});

/** Trains nothing: answers every job with a made-up run carrying the job's id and hash, and records the jobs. */
class RecordingExecutor implements RunExecutor {
  readonly jobs: string[][] = [];
  async run(jobs: Parameters<RunExecutor['run']>[0], events: Parameters<RunExecutor['run']>[1]): Promise<'done'> {
    this.jobs.push(jobs.map((j) => j.plan.id));
    for (const { plan } of jobs) {
      const f1 = Object.fromEntries(plan.tasks.map((t) => [t, t === 'tags' ? (plan.kind === 'single' ? 0.8 : 0.84) : 0.7]));
      events.done('worker 1', { ...fakeRun(plan.kind, plan.tasks, plan.seed, f1), id: plan.id, specHash: plan.specHash });
    }
    return 'done';
  }
  stop(): void {}
}

const silent: StudyListener = {
  planned() {},
  note() {},
  start() {},
  progress() {},
  checkpoint() {},
  done() {},
  failed() {},
};

test("runs of every call share one folder: later calls reuse them and never set other calls' runs aside", async () => {
  const { studyDir, cacheDir, out, newTask, chunks, names, spec } = setUp();
  const first = await prepareNewTasks(spec, out, newTask, [chunks], { cacheDir });
  const executor = new RecordingExecutor();
  const singles = (prepared: typeof first) => [...prepared.singles.values()].flat();
  assert.equal((await trainNewTaskRuns(first, singles(first), executor, silent)).trained, 4);
  const withPair = [...singles(first), ...(first.pairs.get('chunks') ?? [])];
  assert.equal((await trainNewTaskRuns(first, withPair, executor, silent)).trained, 2);
  const second = await prepareNewTasks(spec, out, names, [chunks], { cacheDir });
  const { outcome, trained } = await trainNewTaskRuns(second, singles(second), executor, silent);
  assert.equal(trained, 2);
  assert.deepEqual(executor.jobs, [
    ['single--tags--s1', 'single--tags--s2', 'single--chunks--s1', 'single--chunks--s2'],
    ['pair--chunks+tags--s1', 'pair--chunks+tags--s2'],
    ['single--names--s1', 'single--names--s2'],
  ]);
  assert.deepEqual(
    readRuns(out)
      .map((r) => r.id)
      .sort(),
    [
      'pair--chunks+tags--s1',
      'pair--chunks+tags--s2',
      'single--chunks--s1',
      'single--chunks--s2',
      'single--names--s1',
      'single--names--s2',
      'single--tags--s1',
      'single--tags--s2',
    ],
  );
  assert.equal(outcome.setAside.length, 0);
  assert.ok(!existsSync(join(out, 'runs', 'superseded')));
  assert.deepEqual(
    readRuns(studyDir).filter((r) => r.tasks.includes('tags')),
    [],
    "the study's own runs/ is left alone",
  );
});
