import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseStudySpec } from '../../src/study/spec.js';

const minimal = { name: 'mini', tasks: ['ewt-upos', 'gum-ner'], budget: { singleBatches: 100 } };
const parse = (json: unknown) => parseStudySpec(json, 'studies/mini.json', '/tmp');

test('defaults: the paper model with Adam, pairs twice the single budget, reports/<name>', () => {
  const spec = parse(minimal);
  assert.deepEqual(spec.model, { type: 'tagger', embeddingDim: 100, hiddenDim: 100, dropout: 0.1, wordVectors: 'glove-100d' });
  assert.deepEqual(spec.optimizer, { name: 'adam', learningRate: 0.001 });
  assert.deepEqual(spec.sampler, { name: 'uniform' });
  assert.equal(spec.budget.pairBatches, 200);
  assert.deepEqual(spec.evaluation, { evalEvery: 10, curveEvery: 1, devLimit: 0 });
  assert.deepEqual(spec.seeds, [1]);
  assert.equal(spec.output, 'reports/mini');
  assert.equal(spec.optimizer.name === 'adam' && parse({ ...minimal, optimizer: { name: 'adadelta' } }).optimizer.learningRate, 0.1);
});

test('trainSentences caps every task (a number) or the tasks it names (an object); none by default', () => {
  assert.deepEqual(parse(minimal).trainSentences, {});
  assert.deepEqual(parse({ ...minimal, trainSentences: 500 }).trainSentences, { 'ewt-upos': 500, 'gum-ner': 500 });
  assert.deepEqual(parse({ ...minimal, trainSentences: { 'gum-ner': 300 } }).trainSentences, { 'gum-ner': 300 });
  assert.equal(parse(minimal).budget.pairPatience, 0);
  assert.equal(parse({ ...minimal, budget: { singleBatches: 100, pairPatience: 5 } }).budget.pairPatience, 5);
});

test('a normalized spec parses to itself (study.json round trip)', () => {
  const spec = parse({
    ...minimal,
    sampler: { name: 'temperature', temperature: 3 },
    seeds: [1, 2, 3],
    trainSentences: { 'gum-ner': 300 },
  });
  assert.deepEqual(parse(JSON.parse(JSON.stringify(spec))), spec);
});

test('errors name the file and the field, and say what was expected', () => {
  const cases: [unknown, RegExp][] = [
    [{ ...minimal, model: { type: 'tagger', hiddenDim: 0 } }, /studies\/mini\.json: model\.hiddenDim: expected an integer ≥ 1, got 0$/],
    [{ ...minimal, modle: {} }, /modle: unknown field \(did you mean 'model'\?\)/],
    [
      { ...minimal, tasks: ['ewt-upos', 'no-such-task'] },
      /tasks\[1\]: expected a built-in task \(ewt-upos, .*\) or a task declared by files, got "no-such-task"/,
    ],
    [{ ...minimal, tasks: ['ewt-upos', 'ewt-upos'] }, /tasks: expected distinct task names \('ewt-upos' appears twice\)/],
    [
      { ...minimal, tasks: ['ewt-upos'] },
      /studies\/mini\.json: tasks: expected at least two tasks \(a study measures what each task gains from training with another\), got an array of 1$/,
    ],
    [{ ...minimal, optimizer: { name: 'sgd' } }, /optimizer\.name: expected one of 'adam', 'adadelta', got "sgd"/],
    [{ ...minimal, budget: {} }, /budget\.singleBatches: expected an integer ≥ 1, got nothing/],
    [{ ...minimal, seeds: [1, 1] }, /seeds: expected distinct seeds/],
    [{ ...minimal, sampler: { name: 'uniform', temperature: 2 } }, /sampler\.temperature: expected nothing for sampler 'uniform'/],
    [{ ...minimal, model: { type: 'tagger', embeddingDim: 50 } }, /model\.embeddingDim: expected 100 with wordVectors 'glove-100d'/],
    [{ ...minimal, name: 'bad name' }, /name: expected a name of letters/],
    [
      { ...minimal, trainSentences: { 'gum-nre': 300 } },
      /studies\/mini\.json: trainSentences\.gum-nre: not a task of this study; expected one of ewt-upos, gum-ner$/,
    ],
    [{ ...minimal, trainSentences: { 'gum-ner': 0 } }, /trainSentences\.gum-ner: expected an integer ≥ 1, got 0$/],
    [{ ...minimal, trainSentences: 'all' }, /trainSentences: expected an object, got "all"$/],
    [{ ...minimal, budget: { singleBatches: 100, pairPatience: -1 } }, /budget\.pairPatience: expected an integer ≥ 0, got -1$/],
  ];
  for (const [json, message] of cases) assert.throws(() => parse(json), message);
});

test('every shipped study spec is valid', () => {
  const folder = fileURLToPath(new URL('../../../studies/', import.meta.url));
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  assert.ok(files.includes('demo.json'));
  for (const file of files) parseStudySpec(JSON.parse(readFileSync(join(folder, file), 'utf8')), file, folder);
});
