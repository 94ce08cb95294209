import type { RelativeGainRow } from '../../src/features/pairRows.js';
import type { GainRow } from '../../src/study/gainRow.js';

/** A gains.csv row with a relative gain over a single-task F1 of 0.8, one seed and no interval, with `extra` over it. */
export function gainRow(main: string, aux: string, gain: number, extra: Partial<Omit<GainRow, 'gain'>> = {}): RelativeGainRow {
  return {
    main,
    aux,
    seeds: 1,
    singleF1: 0.8,
    pairF1: 0.8 * (1 + gain),
    gain,
    ciLow: null,
    ciHigh: null,
    pValue: null,
    diff: 0.8 * gain,
    diffLow: null,
    diffHigh: null,
    flag: '',
    ...extra,
  };
}
