import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSentimentFixture } from '../../src/data/sentimentFixture.js';
import { fixturePath, temporaryFile } from './testFiles.js';

test('reads {text, class} records as positive/negative and skips the trailing empty record', async () => {
  const texts = await readSentimentFixture(fixturePath('yelp-excerpt.json'));
  assert.equal(texts.length, 6);
  assert.deepEqual(
    texts.map((t) => t.label),
    ['positive', 'negative', 'negative', 'positive', 'positive', 'negative'],
  );
  assert.equal(texts[2]!.text, 'Not tasty and the texture was just nasty.');
});

test('any other malformed record is an error naming its number', async () => {
  const file = temporaryFile(
    'bad.json',
    JSON.stringify([
      { text: 'Fine.', class: 1 },
      { text: 'Odd.', class: 2 },
    ]),
  );
  await assert.rejects(readSentimentFixture(file), {
    message: `${file}: record 2 is not {text, class: 0|1}; expected a non-empty text and class 0 or 1`,
  });
});
