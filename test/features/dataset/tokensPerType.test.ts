import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokensPerType } from '../../../src/features/dataset/tokensPerType.js';
import { tinyTask } from '../tinyTask.js';

test('tokens per type: 9 tokens over 8 case-sensitive types', () => {
  // Types: The, cat, sat, the, A, dog, dogs, bark ("The" and "the" differ).
  assert.equal(tokensPerType(tinyTask().train), 9 / 8);
});

test('tokens per type is undefined without tokens', () => {
  assert.equal(tokensPerType([]), undefined);
  assert.equal(tokensPerType([{ tokens: [], labels: ['x'] }]), undefined);
});
