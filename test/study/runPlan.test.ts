import assert from 'node:assert/strict';
import test from 'node:test';
import { planRuns } from '../../src/study/runPlan.js';
import { parseStudySpec } from '../../src/study/spec.js';

const base = { name: 'p', tasks: ['ewt-upos', 'ewt-chunk', 'gum-ner', 'gum-wiki'], budget: { singleBatches: 100 }, seeds: [1, 2] };
const fingerprints = new Map([
  ['ewt-upos', 'u'],
  ['ewt-chunk', 'c'],
  ['gum-ner', 'n'],
  ['gum-wiki', 'w'],
]);
const plan = (overrides: Record<string, unknown> = {}, prints = fingerprints) =>
  planRuns(parseStudySpec({ ...base, ...overrides }, 'p.json', '/'), prints);

test('n singles and n(n−1)/2 symmetric pairs per seed, with their budgets', () => {
  const plans = plan();
  assert.equal(plans.length, 2 * (4 + 6));
  assert.equal(new Set(plans.map((p) => p.id)).size, plans.length);
  const pairs = plans.filter((p) => p.kind === 'pair' && p.seed === 1);
  assert.deepEqual(pairs.map((p) => p.tasks.join('+')).sort(), [
    'ewt-chunk+ewt-upos',
    'ewt-chunk+gum-ner',
    'ewt-chunk+gum-wiki',
    'ewt-upos+gum-ner',
    'ewt-upos+gum-wiki',
    'gum-ner+gum-wiki',
  ]);
  assert.ok(pairs.every((p) => p.batches === 200));
  assert.ok(plans.filter((p) => p.kind === 'single').every((p) => p.batches === 100));
  assert.ok(plans.some((p) => p.id === 'pair--ewt-chunk+ewt-upos--s2'));
});

test('the spec hash changes exactly when something that determines the run changes', () => {
  const hashes = (plans: ReturnType<typeof plan>) => new Map(plans.map((p) => [p.id, p.specHash]));
  const original = hashes(plan());
  assert.deepEqual(hashes(plan({ description: 'words only' })), original);
  assert.deepEqual(hashes(plan({ output: 'elsewhere' })), original);
  assert.deepEqual(hashes(plan({ analysis: { significantOnly: true, curveFeatures: 'paper' } })), original);
  const wider = hashes(plan({ model: { type: 'tagger', hiddenDim: 64 } }));
  assert.ok([...original].every(([id, h]) => wider.get(id) !== h));
  const sampler = hashes(plan({ sampler: { name: 'proportional' } }));
  for (const [id, h] of original) assert.equal(sampler.get(id) === h, id.startsWith('single'), id);
  const changedData = hashes(plan({}, new Map([...fingerprints, ['gum-ner', 'n2']])));
  for (const [id, h] of original) assert.equal(changedData.get(id) === h, !id.includes('gum-ner'), id);
});

test('seeds differ in hash, so every seed is its own run', () => {
  const plans = plan();
  const single = (seed: number) => plans.find((p) => p.id === `single--ewt-upos--s${seed}`)?.specHash;
  assert.notEqual(single(1), single(2));
});

test('a training-set cap changes the hash of exactly the runs that read the capped task; patience only the pairs', () => {
  const hashes = (plans: ReturnType<typeof plan>) => new Map(plans.map((p) => [p.id, p.specHash]));
  const original = hashes(plan());
  const capped = hashes(plan({ trainSentences: { 'gum-ner': 300 } }));
  for (const [id, h] of original) assert.equal(capped.get(id) === h, !id.includes('gum-ner'), id);
  const recapped = hashes(plan({ trainSentences: { 'gum-ner': 400 } }));
  for (const [id, h] of capped) assert.equal(recapped.get(id) === h, !id.includes('gum-ner'), id);
  const studyVocabulary = { vocabulary: { scope: 'study' } };
  const shared = hashes(plan({ ...studyVocabulary, trainSentences: { 'gum-ner': 300 } }));
  for (const [id, h] of hashes(plan(studyVocabulary))) assert.notEqual(shared.get(id), h, id);
  const patient = hashes(plan({ budget: { singleBatches: 100, pairPatience: 5 } }));
  for (const [id, h] of original) assert.equal(patient.get(id) === h, id.startsWith('single'), id);
});
