import { sampleRankCorrelation } from 'simple-statistics';
import { expectState } from '../engine/trainingState.js';
import type { HalfSumsState } from './affinityState.js';

/** Sums of a pair matrix over the measurements, kept in two halves (alternate measurements) to estimate its noise. */
export class HalfSums {
  private halves: [number[][], number[][]];
  private count = 0;

  constructor(readonly n: number) {
    this.halves = [square(n), square(n)];
  }

  /** Adds one measurement's matrix (`value(i, j)` for every ordered pair, diagonal included). */
  add(value: (i: number, j: number) => number): void {
    const half = this.halves[this.count % 2];
    for (let i = 0; i < this.n; i++) for (let j = 0; j < this.n; j++) half[i][j] += value(i, j);
    this.count++;
  }

  state(): HalfSumsState {
    return structuredClone({ halves: this.halves, count: this.count });
  }

  restore(state: HalfSumsState): void {
    const square = (m: number[][]): boolean => m.length === this.n && m.every((row) => row.length === this.n);
    expectState(
      state.halves.length === 2 && state.halves.every(square) && Number.isInteger(state.count),
      `sums of ${this.n} × ${this.n} pairs`,
    );
    ({ halves: this.halves, count: this.count } = structuredClone(state));
  }

  /** The mean over all measurements (zeros before any). */
  mean(): number[][] {
    return this.halves[0].map((row, i) => row.map((v, j) => (this.count === 0 ? 0 : (v + this.halves[1][i][j]) / this.count)));
  }

  /**
   * Split-half reliability: Spearman ρ between the off-diagonal pair scores of the odd and the even measurements.
   * Near 1, the run measured the pairs' order and more measurements would not change it; near 0, the mean is
   * mostly batch-to-batch noise. Null with fewer than two measurements or when a half is constant.
   */
  reliability(): number | null {
    if (this.count < 2) return null;
    const offDiagonal = (m: number[][]): number[] => m.flatMap((row, i) => row.filter((_, j) => j !== i));
    const rho = sampleRankCorrelation(offDiagonal(this.halves[0]), offDiagonal(this.halves[1]));
    return Number.isFinite(rho) ? rho : null;
  }
}

function square(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}
