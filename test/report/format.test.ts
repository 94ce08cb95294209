import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, formatGain, formatNumber } from '../../src/report/format.js';

test('gains read as signed percentages with a real minus sign; rounding to zero shows no sign', () => {
  assert.equal(formatGain(0.0312), '+3.1%');
  assert.equal(formatGain(-0.004), '−0.4%');
  assert.equal(formatGain(0.0004), '0.0%');
  assert.equal(formatGain(-0.0004), '0.0%');
  assert.equal(formatGain(1.5), '+150.0%');
});

test('numbers: integers grouped, others 4 significant digits, tiny and huge in e-notation', () => {
  assert.equal(formatNumber(12043), '12,043');
  assert.equal(formatNumber(0.123456), '0.1235');
  assert.equal(formatNumber(-0.0005), '-0.0005');
  assert.equal(formatNumber(0.00001234), '1.23e-5');
  assert.equal(formatNumber(2.5e7 + 0.5), '2.50e+7');
  assert.equal(formatNumber(0), '0');
});

test('durations in the largest sensible units, minutes never reaching 60', () => {
  assert.equal(formatDuration(44.6), '45 s');
  assert.equal(formatDuration(725), '12 min 5 s');
  assert.equal(formatDuration(3 * 3600 + 59 * 60 + 50), '4 h 0 min');
  assert.equal(formatDuration(12000), '3 h 20 min');
});
