import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../../src/shared/random.js';
import { samplerOf, samplers } from '../../../src/engine/samplers/samplers.js';
import type { SamplerConfig } from '../../../src/engine/trainRequest.js';
import { TaskrelError } from '../../../src/errors.js';

const sizes = [100, 400, 1600];

function frequencies(config: SamplerConfig): number[] {
  const sampler = samplerOf(config).create(config, sizes);
  const rng = new Rng(11);
  const counts = sizes.map(() => 0);
  for (let i = 0; i < 42_000; i++) counts[sampler.next(rng)]++;
  return counts.map((c) => c / 42_000);
}

function assertNear(actual: number[], expected: number[]): void {
  actual.forEach((p, i) => {
    assert.ok(Math.abs(p - expected[i]) < 0.01, `task ${i}: ${p} vs ${expected[i]}`);
  });
}

test('uniform draws every task equally often (the paper)', () => {
  assertNear(frequencies({ name: 'uniform' }), [1 / 3, 1 / 3, 1 / 3]);
});

test('proportional draws tasks in proportion to their sizes', () => {
  assertNear(frequencies({ name: 'proportional' }), [100 / 2100, 400 / 2100, 1600 / 2100]);
});

test('temperature T draws ∝ size^(1/T): T = 2 gives 10 : 20 : 40', () => {
  assertNear(frequencies({ name: 'temperature', temperature: 2 }), [1 / 7, 2 / 7, 4 / 7]);
  assertNear(frequencies({ name: 'temperature', temperature: 1 }), frequencies({ name: 'proportional' }));
});

test('temperature without a positive temperature is a spec error', () => {
  assert.throws(() => samplers.temperature.create({ name: 'temperature' }, sizes), TaskrelError);
  assert.throws(() => samplers.temperature.create({ name: 'temperature', temperature: 0 }, sizes), /sampler\.temperature/);
});
