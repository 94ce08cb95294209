import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bioLabels, outermostSpans, type Span } from '../../src/tasks/spans.js';

const span = (start: number, end: number, label: string, order: number): Span => ({ start, end, label, order });

test('keeps only spans not inside another; of identical spans the first opened', () => {
  const spans = [span(2, 2, 'inner', 1), span(0, 4, 'outer', 0), span(0, 4, 'same', 2), span(6, 7, 'next', 3), span(7, 9, 'crossing', 4)];
  assert.deepEqual(
    outermostSpans(spans).map((s) => s.label),
    ['outer', 'next'],
  );
});

test('BIO labels', () => {
  assert.deepEqual(bioLabels(6, [span(0, 1, 'PER', 0), span(3, 3, 'LOC', 1)]), ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O']);
});
