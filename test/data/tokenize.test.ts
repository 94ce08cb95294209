import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../src/data/tokenize.js';

test('splits punctuation and keeps ellipses whole', () => {
  assert.deepEqual(tokenize('Wow... Loved this place.'), ['Wow', '...', 'Loved', 'this', 'place', '.']);
});

test('splits clitics Penn-style and normalizes curly apostrophes', () => {
  assert.deepEqual(tokenize("I don’t think it's bad, can't you?"), [
    'I',
    'do',
    "n't",
    'think',
    'it',
    "'s",
    'bad',
    ',',
    'ca',
    "n't",
    'you',
    '?',
  ]);
});

test('keeps abbreviations, numbers with separators and hyphenated words', () => {
  assert.deepEqual(tokenize('Mr. Smith paid $1,000.50 in the U.S. for a well-known (used) car!'), [
    'Mr.',
    'Smith',
    'paid',
    '$',
    '1,000.50',
    'in',
    'the',
    'U.S.',
    'for',
    'a',
    'well-known',
    '(',
    'used',
    ')',
    'car',
    '!',
  ]);
});
