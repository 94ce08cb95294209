import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { prepareNewTask, trainNewTaskRuns } from '../../src/study/newTaskRuns.js';
import { planRuns } from '../../src/study/runPlan.js';
import type { RunExecutor, StudyListener } from '../../src/study/runStudy.js';
import { readRuns, readStudySpec } from '../../src/study/studyFolder.js';
import { loadTaskRef, taskRefName } from '../../src/study/taskRef.js';
import type { Task } from '../../src/tasks/task.js';
import { type TaskSpec, validateTaskSpec } from '../../src/tasks/taskSpec.js';
import { copyTinyStudy } from '../report/tinyStudy.js';
import { fakeRun } from './studyTesting.js';

/** The tiny report study (chunk, ner-conll, pos, sentiment; seeds 1, 2) and a new tagging task over copies of pos's files. */
function setUp(files = { train: 'pos.train.conll', dev: 'pos.dev.conll', test: 'pos.test.conll' }) {
  const { studyDir, cacheDir, root } = copyTinyStudy();
  const paths = Object.fromEntries(Object.entries(files).map(([split, file]) => [split, join(root, 'tasks', file)]));
  const newTask = validateTaskSpec({ name: 'tags', kind: 'tagging', format: 'conll', files: paths }, 'test', root);
  return { studyDir, cacheDir, root, spec: readStudySpec(studyDir), newTask };
}

test('a new task is planned with the study\'s settings, as if it had been one of its tasks', async () => {
  const { studyDir, cacheDir, spec, newTask } = setUp();
  const prepared = await prepareNewTask(studyDir, spec, newTask, { cacheDir });
  assert.equal(prepared.spec.output, join(studyDir, 'recommend', 'tags'));
  assert.deepEqual(prepared.spec.tasks.map(taskRefName), ['chunk', 'ner-conll', 'pos', 'sentiment', 'tags']);
  assert.deepEqual(prepared.singles.map((p) => p.id), ['single--tags--s1', 'single--tags--s2']);
  assert.deepEqual([...prepared.pairs.keys()], ['chunk', 'ner-conll', 'pos', 'sentiment']);
  assert.deepEqual(prepared.pairs.get('pos')?.map((p) => [p.id, p.batches]), [['pair--pos+tags--s1', 800], ['pair--pos+tags--s2', 800]]);
  // A study that had the task from the start plans the same runs with the same hashes.
  const withTask = { ...spec, tasks: [...spec.tasks, newTask] };
  const tasks = await Promise.all(withTask.tasks.map((ref) => loadTaskRef(ref, { cacheDir }) as Promise<Task>));
  const full = planRuns(withTask, new Map(tasks.map((t) => [t.name, t.fingerprint])));
  const planned = [...prepared.singles, ...[...prepared.pairs.values()].flat()];
  assert.equal(planned.length, 10);
  for (const plan of planned) assert.deepEqual(full.find((p) => p.id === plan.id), plan);
  assert.equal(prepared.untrainable.size, 0);
});

test('a task already in the study, of the wrong kind, or with a bad file is one clear error', async () => {
  const { studyDir, cacheDir, root, spec } = setUp();
  await assert.rejects(prepareNewTask(studyDir, spec, 'pos' as string, { cacheDir }), /task 'pos' is already part of study 'tiny-study'; its measured gains are in .*gains\.csv/);
  const files = { train: join(root, 'tasks', 'sentiment.train.tsv'), dev: join(root, 'tasks', 'sentiment.dev.tsv'), test: join(root, 'tasks', 'sentiment.test.tsv') };
  const reviews: TaskSpec = validateTaskSpec({ name: 'reviews', kind: 'classification', format: 'tsv', files }, 'test', root);
  await assert.rejects(prepareNewTask(studyDir, spec, reviews, { cacheDir }), /task 'reviews' is a classification task, but study 'tiny-study' trains a tagger model, which takes tagging tasks/);
  const bad = join(root, 'tasks', 'bad.train.conll');
  writeFileSync(bad, 'The\tDET\ncat\tNOUN\textra\n');
  const broken = validateTaskSpec({ name: 'broken', kind: 'tagging', format: 'conll', files: { ...files, train: bad } }, 'test', root);
  await assert.rejects(prepareNewTask(studyDir, spec, broken, { cacheDir }), new RegExp(`${bad.replace(/[.]/g, '\\.')}:2: found 3 tab-separated columns; expected 2`));
});

test('a classifier study takes a TSV task; a malformed TSV file is the data layer\'s error', async () => {
  const { studyDir, cacheDir, root, spec } = setUp();
  const classifier = { ...spec, model: { type: 'classifier' as const, hiddenDim: 50, dropout: 0, wordVectors: 'none' as const } };
  const files = { train: join(root, 'tasks', 'sentiment.train.tsv'), dev: join(root, 'tasks', 'sentiment.dev.tsv'), test: join(root, 'tasks', 'sentiment.test.tsv') };
  const reviews = validateTaskSpec({ name: 'reviews', kind: 'classification', format: 'tsv', files }, 'test', root);
  const prepared = await prepareNewTask(studyDir, classifier, reviews, { cacheDir });
  assert.equal(prepared.task.kind, 'classification');
  assert.equal(prepared.task.train.length, 6);
  const bad = join(root, 'tasks', 'bad.tsv');
  writeFileSync(bad, 'words\tlabel\nfine\tpos\n');
  const broken = validateTaskSpec({ name: 'broken', kind: 'classification', format: 'tsv', files: { ...files, dev: bad } }, 'test', root);
  await assert.rejects(prepareNewTask(studyDir, classifier, broken, { cacheDir }), new RegExp(`^TaskrelError: ${bad.replace(/[.]/g, '\\.')}:1: `));
});

test('study tasks without data here cannot be paired, a study-wide vocabulary cannot be built without them, an imported study trains nothing', async () => {
  const { studyDir, cacheDir, spec, newTask } = setUp();
  const withImported = { ...spec, tasks: [...spec.tasks, { name: 'elsewhere', external: true as const }] };
  const prepared = await prepareNewTask(studyDir, withImported, newTask, { cacheDir });
  assert.deepEqual([...prepared.untrainable], [['elsewhere', 'imported: trained elsewhere, its data is not here']]);
  assert.ok(!prepared.pairs.has('elsewhere'));
  const studyScope = { ...withImported, vocabulary: { ...spec.vocabulary, scope: 'study' as const } };
  await assert.rejects(prepareNewTask(studyDir, studyScope, newTask, { cacheDir }), /builds its vocabulary from all its tasks, so 'tags' cannot be trained here: elsewhere: imported/);
  const imported = { ...spec, tasks: spec.tasks.map((t) => ({ name: taskRefName(t), external: true as const })) };
  await assert.rejects(prepareNewTask(studyDir, imported, newTask, { cacheDir }), /study 'tiny-study' was imported: its runs were trained elsewhere, so a run of 'tags' here would not be comparable/);
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

test('runs land in the task\'s own folder; later calls reuse them and never set earlier ones aside', async () => {
  const { studyDir, cacheDir, spec, newTask } = setUp();
  const prepared = await prepareNewTask(studyDir, spec, newTask, { cacheDir });
  const executor = new RecordingExecutor();
  await trainNewTaskRuns(prepared, prepared.singles, executor, silent);
  const withPos = [...prepared.singles, ...(prepared.pairs.get('pos') ?? [])];
  await trainNewTaskRuns(prepared, withPos, executor, silent);
  const outcome = await trainNewTaskRuns(prepared, prepared.singles, executor, silent);
  assert.deepEqual(executor.jobs, [['single--tags--s1', 'single--tags--s2'], ['pair--pos+tags--s1', 'pair--pos+tags--s2'], []]);
  const folder = join(studyDir, 'recommend', 'tags');
  assert.deepEqual(readRuns(folder).map((r) => r.id).sort(), ['pair--pos+tags--s1', 'pair--pos+tags--s2', 'single--tags--s1', 'single--tags--s2']);
  assert.equal(outcome.setAside.length, 0);
  assert.ok(!existsSync(join(folder, 'runs', 'superseded')));
  assert.deepEqual(readRuns(studyDir).filter((r) => r.tasks.includes('tags')), [], 'the study\'s own runs/ is left alone');
  assert.equal(readStudySpec(folder).tasks.length, 5);
  const gains = readFileSync(join(folder, 'gains.csv'), 'utf8').trim().split('\n');
  assert.equal(gains.length, 2);
  const [main, aux, gain] = gains[1].split(',');
  assert.deepEqual([main, aux], ['tags', 'pos']);
  assert.ok(Math.abs(Number(gain) - (0.84 / 0.8 - 1)) < 1e-12);
});
