import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonl, readJsonl } from '../../src/data/jsonl.js';
import { fixturePath } from './testFiles.js';

test('reads one {text, label} object per line', async () => {
  const rows = await readJsonl(fixturePath('yelp-excerpt.jsonl'));
  assert.equal(rows.length, 6);
  assert.deepEqual(rows[0], { text: 'Wow... Loved this place.', label: 'positive', line: 1 });
});

test('numeric labels become strings; blank lines are skipped', () => {
  assert.deepEqual(
    parseJsonl('{"text": "Good.", "label": 1}\n\n{"text": "Bad.", "label": 0}\n', 'x.jsonl').map((r) => [r.label, r.line]),
    [
      ['1', 1],
      ['0', 3],
    ],
  );
});

test('a row without text is an error naming its line', () => {
  assert.throws(() => parseJsonl('{"text": "Good.", "label": 1}\n{"label": 0}\n', 'x.jsonl'), {
    message: "x.jsonl:2: row has no text; expected a non-empty string 'text'",
  });
  assert.throws(() => parseJsonl('{"text": "", "label": 0}\n', 'x.jsonl'), /x\.jsonl:1: row has no text/);
});

test('invalid JSON and missing labels are errors naming the line', () => {
  assert.throws(
    () => parseJsonl('{"text": "Good."\n', 'x.jsonl'),
    /^TaskrelError: x\.jsonl:1: invalid JSON \(.*\); expected one JSON object per line$/,
  );
  assert.throws(() => parseJsonl('{"text": "Good.", "label": null}\n', 'x.jsonl'), {
    message: "x.jsonl:1: row has no label; expected a non-empty string or a number 'label'",
  });
});
