import assert from 'node:assert/strict';
import { test } from 'node:test';
import { informationMeasures } from '../../../src/features/similarity/informationMeasures.js';
import { labelContingency } from '../../../src/features/similarity/labelContingency.js';
import { vocabularyOverlap } from '../../../src/features/similarity/vocabularyOverlap.js';
import { wordLabelCounts } from '../../../src/features/similarity/wordLabelCounts.js';
import type { Example } from '../../../src/tasks/task.js';

const example = (text: string, labels: string): Example => ({ tokens: text.split(' '), labels: labels.split(' ') });

// Task A tags parts of speech, task B marks the word "dog" (B); they share the, dog, runs and run.
const posTask = [example('the dog runs', 'DET NOUN VERB'), example('the run', 'DET NOUN'), example('dog run', 'NOUN VERB')];
const dogTask = [example('the dog', 'O B'), example('dog runs', 'B O'), example('a run', 'O O')];

const close = (actual: number | null | undefined, expected: number, what: string): void =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);

test('word-label counts per type, and the contingency table over shared types by hand', () => {
  const a = wordLabelCounts(posTask);
  assert.deepEqual(a.labels, ['DET', 'NOUN', 'VERB']);
  assert.deepEqual(
    [...(a.words.get('run') ?? [])],
    [
      [1, 1],
      [2, 1],
    ],
  );
  assert.equal(a.tokens, 7);
  const b = wordLabelCounts(dogTask);
  // the: DET×O 1; dog: NOUN×B 1; runs: VERB×O 1; run: ½ NOUN×O + ½ VERB×O. "a" occurs in B only.
  const { table, sharedTypes } = labelContingency(a, b);
  assert.equal(sharedTypes, 4);
  assert.deepEqual(table, [
    [1, 0],
    [0.5, 1],
    [1.5, 0],
  ]);
});

test('information measures of the two tiny tasks match numpy', () => {
  const measures = informationMeasures(labelContingency(wordLabelCounts(posTask), wordLabelCounts(dogTask)).table);
  // numpy on [[1, 0], [0.5, 1], [1.5, 0]] / 4, log2; I also as Σ p·log2(p / (p_a·p_b)) = 0.46691718668869925
  close(measures?.entropyA, 1.561278124459133, 'H(A)');
  close(measures?.entropyB, 0.8112781244591328, 'H(B)');
  close(measures?.jointEntropy, 1.9056390622295665, 'H(A, B)');
  close(measures?.mutualInformation, 0.4669171866886994, 'I(A; B)');
  close(measures?.variationOfInformation, 1.438721875540867, 'VI');
  close(measures?.nmiJoint, 0.24501869002538915, 'NMI joint');
  close(measures?.nmiSum, 0.3935984125995612, 'NMI sum');
  close(measures?.nmiMax, 0.29906086518086045, 'NMI max');
});

test('the normalised MIs agree with seq-tag-sim’s own unit tests (its tables seed every cell with machine epsilon)', () => {
  const first = [
    [3, 0, 0, 0],
    [2, 0, 0, 0],
    [2, 0, 0, 0],
    [3, 2, 2, 2],
  ];
  const second = [
    [10, 0, 0, 1],
    [1, 11, 0, 0],
    [0, 2, 12, 0],
    [0, 0, 3, 13],
  ];
  for (const [table, sum, joint, max] of [
    [first, 0.272107, 0.157479, 0.262252],
    [second, 0.724106, 0.567528, 0.723041],
  ] as const) {
    const m = informationMeasures(table);
    for (const [value, expected] of [
      [m?.nmiSum, sum],
      [m?.nmiJoint, joint],
      [m?.nmiMax, max],
    ] as const) {
      assert.ok(value !== null && value !== undefined && Math.abs(value - expected) < 1e-6, `${value} vs ${expected}`);
    }
  }
});

test('a classification text gives its label to every token; one-label tasks and no shared word are handled', () => {
  const reviews = [example('good dog', 'pos'), example('bad dog', 'neg')];
  const counts = wordLabelCounts(reviews);
  assert.deepEqual(counts.labels, ['pos', 'neg']);
  assert.deepEqual(
    [...(counts.words.get('dog') ?? [])],
    [
      [0, 1],
      [1, 1],
    ],
  );
  // Shared: dog (NOUN in A; half pos, half neg): A's labels carry no information here.
  const measures = informationMeasures(labelContingency(wordLabelCounts(posTask), counts).table);
  close(measures?.mutualInformation, 0, 'I');
  close(measures?.nmiJoint, 0, 'NMI joint');
  close(measures?.variationOfInformation, 1, 'VI');
  assert.equal(informationMeasures(labelContingency(counts, wordLabelCounts([example('cat', 'x')])).table), undefined);
  assert.equal(informationMeasures([[2]])?.nmiJoint, null, 'one label each: H(A, B) = 0');
});

test('vocabulary overlap is the Jaccard index of the word types', () => {
  // A: the dog runs run; B: the dog runs a run → 4 shared of 5
  assert.equal(vocabularyOverlap(wordLabelCounts(posTask), wordLabelCounts(dogTask)), 0.8);
  assert.equal(vocabularyOverlap(wordLabelCounts([]), wordLabelCounts([])), 0);
});
