// Where the sentence in slot k stands at step s of one direction, in the layout lstmForward.ts describes: the
// forward and backward recurrences must agree on it exactly.

/** Position in its sentence (b = order[k]) at step s: s left to right (direction 0), counted from its end otherwise. */
@inline
export function positionAt(direction: i32, s: i32, lengths: usize, b: i32): i32 {
  return direction == 0 ? s : load<i32>(lengths + (<usize>b << 2)) - 1 - s;
}

/** Compact row of the token at position p of the sentence in slot k. */
@inline
export function compactRow(offsets: usize, p: i32, k: i32): i32 {
  return load<i32>(offsets + (<usize>p << 2)) + k;
}

/**
 * Compact row of the same sentence one step earlier: one position before (left to right) or after (right to left);
 * at the first step, which has no earlier one, its own row.
 */
@inline
export function earlierRow(direction: i32, s: i32, offsets: usize, p: i32, k: i32): i32 {
  return s == 0 ? compactRow(offsets, p, k) : compactRow(offsets, direction == 0 ? p - 1 : p + 1, k);
}
