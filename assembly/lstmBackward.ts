import { gemm, packA } from './gemm';
import { compactRow, earlierRow, positionAt } from './sentenceSlots';
import { load4, madd, store4 } from './simd';

// Backpropagation through time for one direction, the mirror of lstmForward.ts (same slots, compact rows and gate
// order).

/**
 * Runs direction `direction` from the last step back to the first. Reads the forward trace (`gates` activated,
 * `cells`, `cellTanh`: compact), `dOutput` (full rows [T·B, 2H]) and Uᵀ packed by packB (4H×H); writes this
 * direction's half of `dz` (compact [n, 8H]: gradients of the gate pre-activations).
 * Scratch, zeroed by the caller: `dHidden` and `dCell` [B, H]; plain scratch: `dzStep` [B, 4H], `dzPanel`
 * (packedASize(B, 4H)).
 */
export function backwardDirection(
  direction: i32,
  time: i32,
  batch: i32,
  units: i32,
  order: usize,
  lengths: usize,
  active: usize,
  offsets: usize,
  transposedWeights: usize,
  gates: usize,
  cells: usize,
  cellTanh: usize,
  dOutput: usize,
  dz: usize,
  dHidden: usize,
  dCell: usize,
  dzStep: usize,
  dzPanel: usize,
): void {
  const G = 4 * units;
  for (let s = time - 1; s >= 0; s--) {
    const running = load<i32>(active + (<usize>s << 2));
    if (running == 0) continue;
    for (let k = 0; k < running; k++) {
      const b = load<i32>(order + (<usize>k << 2));
      const p = positionAt(direction, s, lengths, b);
      const q = compactRow(offsets, p, k);
      const previous = earlierRow(direction, s, offsets, p, k);
      const half = direction * units;
      backStepUnits(
        s > 0,
        units,
        gates + (<usize>(q * 2 * G + direction * G) << 2),
        cells + (<usize>(previous * 2 * units + half) << 2),
        cellTanh + (<usize>(q * 2 * units + half) << 2),
        dOutput + (<usize>((p * batch + b) * 2 * units + half) << 2),
        dHidden + (<usize>(k * units) << 2),
        dCell + (<usize>(k * units) << 2),
        dz + (<usize>(q * 2 * G + direction * G) << 2),
        dzStep + (<usize>(k * G) << 2),
      );
    }
    if (s > 0) {
      // dL/dh_{s−1} = dz_s·Uᵀ, for the slots running at step s (the others stay zero: they end before s).
      packA(dzStep, G, 1, running, G, dzPanel);
      gemm(dzPanel, transposedWeights, running, units, G, dHidden, units, false, 0);
    }
  }
}

/**
 * One sentence's step over all units. dh = dOutput + dHidden; dc = dCell + dh·o·(1 − tanh²c);
 * then dCell ← dc·f for the previous step, and the four gate gradients go to `dzRow` and `dzStepRow`.
 */
function backStepUnits(
  hasPrevious: bool,
  units: i32,
  gateRow: usize,
  previousCellRow: usize,
  cellTanhRow: usize,
  dOutputRow: usize,
  dHiddenRow: usize,
  dCellRow: usize,
  dzRow: usize,
  dzStepRow: usize,
): void {
  const gateBytes = <usize>units << 2;
  const one = f32x4.splat(1.0);
  for (let j = 0; j < units; j += 4) {
    const n = units - j;
    const offset = <usize>j << 2;
    const g = gateRow + offset;
    const i = load4(g, n);
    const f = load4(g + gateBytes, n);
    const gg = load4(g + 2 * gateBytes, n);
    const o = load4(g + 3 * gateBytes, n);
    const tc = load4(cellTanhRow + offset, n);
    const cPrevious = hasPrevious ? load4(previousCellRow + offset, n) : f32x4.splat(0);
    const dh = f32x4.add(load4(dOutputRow + offset, n), load4(dHiddenRow + offset, n));
    const dc = madd(f32x4.mul(dh, o), f32x4.sub(one, f32x4.mul(tc, tc)), load4(dCellRow + offset, n));
    store4(dCellRow + offset, f32x4.mul(dc, f), n);
    const di = f32x4.mul(f32x4.mul(dc, gg), f32x4.mul(i, f32x4.sub(one, i)));
    const df = f32x4.mul(f32x4.mul(dc, cPrevious), f32x4.mul(f, f32x4.sub(one, f)));
    const dg = f32x4.mul(f32x4.mul(dc, i), f32x4.sub(one, f32x4.mul(gg, gg)));
    const dO = f32x4.mul(f32x4.mul(dh, tc), f32x4.mul(o, f32x4.sub(one, o)));
    const d = dzRow + offset;
    const e = dzStepRow + offset;
    store4(d, di, n);
    store4(d + gateBytes, df, n);
    store4(d + 2 * gateBytes, dg, n);
    store4(d + 3 * gateBytes, dO, n);
    store4(e, di, n);
    store4(e + gateBytes, df, n);
    store4(e + 2 * gateBytes, dg, n);
    store4(e + 3 * gateBytes, dO, n);
  }
}
