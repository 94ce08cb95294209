import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { sentimentFile } from '../../src/data/corpora.js';
import { readSentimentFixture } from '../../src/data/sentimentFixture.js';
import { executeRun } from '../../src/study/executeRun.js';
import { type RunResult, parseRunResult } from '../../src/study/runResult.js';
import { planRuns } from '../../src/study/runPlan.js';
import { parseStudySpec } from '../../src/study/spec.js';
import { temporaryDirectory } from '../data/testFiles.js';
import { fakeRun } from './studyTesting.js';

const base = { name: 'r', tasks: ['sent-yelp', 'sent-imdb'], model: { type: 'classifier' }, budget: { singleBatches: 100 }, seeds: [1] };
const parse = (overrides: Record<string, unknown> = {}) => parseStudySpec({ ...base, ...overrides }, 'r.json', '/');
const fingerprints = new Map([
  ['sent-yelp', 'y'],
  ['sent-imdb', 'i'],
  ['sent-amazon', 'a'],
]);
const hashes = (overrides: Record<string, unknown> = {}) =>
  new Map(planRuns(parse(overrides), fingerprints).map((p) => [p.id, p.specHash]));

test('records are off unless asked for; input importance needs the classifier; unknown keys are named', () => {
  assert.deepEqual(parse().records, { transfer: false, inputImportance: false });
  assert.deepEqual(parse({ records: { transfer: true } }).records, { transfer: true, inputImportance: false });
  assert.throws(
    () => parse({ model: { type: 'tagger' }, records: { inputImportance: true } }),
    /r\.json: records\.inputImportance: expected false for model type 'tagger'/,
  );
  assert.throws(() => parse({ records: { transfers: true } }), /records\.transfers: unknown field \(did you mean 'transfer'\?\)/);
  assert.throws(() => parse({ records: { transfer: 'yes' } }), /records\.transfer: expected true or false, got "yes"/);
});

test('records change the hash of every run; without them hashes are what they were before records existed', () => {
  // Pinned: the hash of this run as planned without records (RUN_FORMAT 2); records off must not change it.
  assert.equal(hashes().get('single--sent-yelp--s1'), 'de4787053bfd98bf');
  const original = hashes();
  for (const records of [{ transfer: true }, { inputImportance: true }]) {
    const changed = hashes({ records });
    for (const [id, hash] of original) assert.notEqual(changed.get(id), hash, `${JSON.stringify(records)}: ${id}`);
  }
  // Transfer scores every study task with the same labels, so a new task changes every run; without records it
  // changes only the runs it is part of (the vocabulary is per run here).
  const grown = { tasks: [...base.tasks, 'sent-amazon'] };
  assert.equal(hashes(grown).get('single--sent-yelp--s1'), original.get('single--sent-yelp--s1'));
  assert.notEqual(
    hashes({ ...grown, records: { transfer: true } }).get('single--sent-yelp--s1'),
    hashes({ records: { transfer: true } }).get('single--sent-yelp--s1'),
  );
  assert.equal(
    hashes({ ...grown, records: { inputImportance: true } }).get('single--sent-yelp--s1'),
    hashes({ records: { inputImportance: true } }).get('single--sent-yelp--s1'),
  );
});

test('a stored run with records round-trips through its validator; malformed records are named', () => {
  const run = fakeRun('pair', ['a', 'b'], 1, { a: 0.8, b: 0.7 });
  run.heads.a.best.transfer = { b: { f1: 0.6, accuracy: 0.6 }, c: { f1: 0.5, accuracy: 0.5 } };
  const importance = { words: ['<pad>', '<unk>', 'good'], sum: [0, -0.5, 1.25], absSum: [0, 0.75, 2] };
  run.inputImportance = importance;
  const stored = (record: RunResult): unknown => JSON.parse(JSON.stringify(record));
  assert.deepEqual(parseRunResult(stored(run), 'run.json'), run);
  const plain = fakeRun('single', ['a'], 1, { a: 0.8 });
  assert.deepEqual(parseRunResult(stored(plain), 'run.json'), plain);
  const headA = run.heads.a;
  const broken: Array<[RunResult, RegExp]> = [
    [
      { ...run, inputImportance: { ...importance, sum: [1] } },
      /run\.json: inputImportance: expected words, sum and absSum arrays of equal length/,
    ],
    [{ ...run, inputImportance: { ...importance, absSum: [0, -1, 2] } }, /inputImportance\.absSum\[1\]: expected a number ≥ 0, got -1/],
    [
      { ...run, heads: { ...run.heads, a: { ...headA, best: { ...headA.best, transfer: { b: { f1: 2, accuracy: 0.6 } } } } } },
      /heads\.a\.best\.transfer\.b\.f1: expected a number ≥ 0 ≤ 1, got 2/,
    ],
  ];
  for (const [record, message] of broken) assert.throws(() => parseRunResult(stored(record), 'run.json'), message);
});

/** A classification task declared by files: the first sentences of a UCI sentiment set, labels renamed by `label`. */
async function sentimentTask(dir: string, set: 'yelp' | 'imdb' | 'amazon', label = (l: string) => l) {
  const examples = (await readSentimentFixture(sentimentFile(set))).map((e) => JSON.stringify({ text: e.text, label: label(e.label) }));
  const files = { train: examples.slice(0, 160), dev: examples.slice(160, 200), test: examples.slice(200, 240) };
  for (const [split, lines] of Object.entries(files)) writeFileSync(join(dir, `${set}-${split}.jsonl`), `${lines.join('\n')}\n`);
  const name = label('x') === 'x' ? set : `${set}-relabelled`;
  return {
    name,
    kind: 'classification',
    format: 'jsonl',
    files: { train: `${set}-train.jsonl`, dev: `${set}-dev.jsonl`, test: `${set}-test.jsonl` },
  };
}

test('a run with records keeps the transfer scores of same-label tasks and the importance of its vocabulary’s words', async () => {
  const dir = temporaryDirectory();
  const tasks = [await sentimentTask(dir, 'yelp'), await sentimentTask(dir, 'imdb'), await sentimentTask(dir, 'amazon', (l) => `${l}!`)];
  const spec = parseStudySpec(
    {
      name: 'records',
      tasks,
      model: { type: 'classifier', hiddenDim: 8 },
      vocabulary: { scope: 'study', combine: 'intersection' },
      budget: { singleBatches: 20 },
      evaluation: { evalEvery: 10 },
      records: { transfer: true, inputImportance: true },
      output: join(dir, 'study'),
    },
    join(dir, 'spec.json'),
    dir,
  );
  const plan = planRuns(spec, new Map(tasks.map((t) => [t.name, t.name]))).find((p) => p.id === 'pair--imdb+yelp--s1');
  assert.ok(plan !== undefined);
  const run = await executeRun({ spec, plan, backend: 'wasm' }, { origin: 'test' });
  assert.deepEqual(Object.keys(run.heads.yelp.best.transfer ?? {}), ['imdb']);
  assert.deepEqual(Object.keys(run.heads.imdb.best.transfer ?? {}), ['yelp']);
  const words = run.inputImportance?.words ?? [];
  assert.deepEqual(words.slice(0, 2), ['<pad>', '<unk>']);
  assert.ok(words.length > 10 && words.includes('the'), `${words.length} words in all three tasks' training data`);
  assert.equal(run.inputImportance?.sum.length, words.length);
  assert.deepEqual(parseRunResult(JSON.parse(JSON.stringify(run)), 'run.json'), run);
});
