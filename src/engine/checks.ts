import { specError } from '../errors.js';

/** Throws a spec error for `field` unless `value` is a whole number ≥ 1. */
export function checkPositiveInteger(field: string, value: number): void {
  if (!(Number.isInteger(value) && value > 0)) throw specError(field, `expected a whole number ≥ 1, got ${value}`);
}

/** Throws a spec error for `field` unless `value` is a dropout rate in [0, 1). */
export function checkRate(field: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw specError(field, `expected a rate in [0, 1), got ${value}`);
}
