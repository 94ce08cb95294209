import { sigmoid4, tanh4 } from './activations';
import { gemm, packA } from './gemm';
import { compactRow, earlierRow, positionAt } from './sentenceSlots';
import { load4, madd, store4 } from './simd';

// The forward recurrence of one direction. Sentence b runs over positions [0, lengths[b]) of a padded, time-major
// batch (full rows t·batch + b), left to right (direction 0) or right to left (direction 1). Sentences are visited
// in `order` (longest first), so those still running at step s are the slots [0, active[s]), and each step's
// product covers exactly them. Per-token matrices hold real tokens only, in compact rows
// q = offsets[t] + k for the token at position t of the sentence in slot k. Gate order in every 4H block: i, f, g, o.

/**
 * Runs direction `direction` over all steps. Each step is one product over the running sentences,
 * z = [x_t | h_{t∓1}]·[W; U] + b, with `weights` the direction's stacked [W; U] ((D + H) × 4H) packed by packB and
 * `bias` its 4H biases; then the gates. Reads `x` (full rows [T·B, D]); writes this direction's half of `gates`
 * (activated, compact [n, 8H]), `cells`, `cellTanh` and `hidden` (compact [n, 2H]) and of `output` (full rows
 * [T·B, 2H]; padding untouched). Scratch: `step` [B, D + H] (each running sentence's x_t and h_{t∓1}),
 * `stepPanel` (packedASize(B, D + H)), `z` [B, 4H].
 */
export function forwardDirection(
  direction: i32,
  time: i32,
  batch: i32,
  inputDim: i32,
  units: i32,
  order: usize,
  lengths: usize,
  active: usize,
  offsets: usize,
  x: usize,
  weights: usize,
  bias: usize,
  gates: usize,
  cells: usize,
  cellTanh: usize,
  hidden: usize,
  output: usize,
  step: usize,
  stepPanel: usize,
  z: usize,
): void {
  const G = 4 * units;
  const K = inputDim + units;
  // h before the first step is zero.
  memory.fill(step, 0, <usize>(batch * K) << 2);
  for (let s = 0; s < time; s++) {
    const running = load<i32>(active + (<usize>s << 2));
    if (running == 0) break;
    for (let k = 0; k < running; k++) {
      const b = load<i32>(order + (<usize>k << 2));
      const p = positionAt(direction, s, lengths, b);
      memory.copy(step + (<usize>(k * K) << 2), x + (<usize>((p * batch + b) * inputDim) << 2), <usize>inputDim << 2);
    }
    packA(step, K, 1, running, K, stepPanel);
    gemm(stepPanel, weights, running, G, K, z, G, false, bias);
    for (let k = 0; k < running; k++) {
      const b = load<i32>(order + (<usize>k << 2));
      const p = positionAt(direction, s, lengths, b);
      const q = compactRow(offsets, p, k);
      const previous = earlierRow(direction, s, offsets, p, k);
      const half = direction * units;
      stepUnits(
        s > 0,
        units,
        z + (<usize>(k * G) << 2),
        gates + (<usize>(q * 2 * G + direction * G) << 2),
        cells + (<usize>(previous * 2 * units + half) << 2),
        cells + (<usize>(q * 2 * units + half) << 2),
        cellTanh + (<usize>(q * 2 * units + half) << 2),
        hidden + (<usize>(q * 2 * units + half) << 2),
        output + (<usize>((p * batch + b) * 2 * units + half) << 2),
        step + (<usize>(k * K + inputDim) << 2),
      );
    }
  }
}

/** One sentence's step over all units: gates from z, c = f·c_prev + i·g, h = o·tanh(c). */
function stepUnits(
  hasPrevious: bool,
  units: i32,
  zRow: usize,
  gateRow: usize,
  previousCellRow: usize,
  cellRow: usize,
  cellTanhRow: usize,
  hiddenRow: usize,
  outputRow: usize,
  stepRow: usize,
): void {
  const gateBytes = <usize>units << 2;
  for (let j = 0; j < units; j += 4) {
    const n = units - j;
    const offset = <usize>j << 2;
    const r = zRow + offset;
    const i = sigmoid4(load4(r, n));
    const f = sigmoid4(load4(r + gateBytes, n));
    const gg = tanh4(load4(r + 2 * gateBytes, n));
    const o = sigmoid4(load4(r + 3 * gateBytes, n));
    const cPrevious = hasPrevious ? load4(previousCellRow + offset, n) : f32x4.splat(0);
    const c = madd(f, cPrevious, f32x4.mul(i, gg));
    const tc = tanh4(c);
    const h = f32x4.mul(o, tc);
    const g = gateRow + offset;
    store4(g, i, n);
    store4(g + gateBytes, f, n);
    store4(g + 2 * gateBytes, gg, n);
    store4(g + 3 * gateBytes, o, n);
    store4(cellRow + offset, c, n);
    store4(cellTanhRow + offset, tc, n);
    store4(hiddenRow + offset, h, n);
    store4(outputRow + offset, h, n);
    store4(stepRow + offset, h, n);
  }
}
