import type * as tf from '@tensorflow/tfjs';

/** The layout attributes both BiLSTM kernels take (BiLstmLayout with lengths as a plain array, as tfjs attrs are). */
export interface BiLstmAttrs {
  time: number;
  batch: number;
  lengths: number[];
}

export function readBiLstmAttrs(attrs: tf.NamedAttrMap | undefined): BiLstmAttrs {
  const time = attrs?.time;
  const batch = attrs?.batch;
  const lengths = attrs?.lengths;
  const ok =
    typeof time === 'number' &&
    typeof batch === 'number' &&
    Array.isArray(lengths) &&
    lengths.length === batch &&
    lengths.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= time);
  if (!ok) throw new Error(`wasm BiLSTM kernels: attrs need time, batch and batch lengths in [0, time], got ${JSON.stringify(attrs)}`);
  return { time, batch, lengths: lengths as number[] };
}

/**
 * Where the kernels keep each real token. Sentences are taken longest first (ties in batch order): slot k holds
 * sentence order[k], so the sentences still running at step s are the first active[s] slots, and each step's
 * recurrent product covers only them. Per-token matrices hold real tokens only, in compact rows: the token at
 * position t of slot k is row offsets[t] + k, so padding costs no arithmetic and no memory.
 */
export interface CompactLayout {
  lengths: Int32Array;
  order: Int32Array;
  /** [time]: sentences longer than t. */
  active: Int32Array;
  /** [time + 1]: first compact row of each position; offsets[time] is the number of real tokens. */
  offsets: Int32Array;
  /** [tokens]: the full row (t·batch + b) of each compact row. */
  rows: Int32Array;
  /** Per direction, [tokens]: the compact row of the same sentence one step earlier, −1 at its first step. */
  previous: [Int32Array, Int32Array];
  /** Full rows that are padding. */
  padded: number[];
}

export function compactLayout(lengths: readonly number[], time: number): CompactLayout {
  const batch = lengths.length;
  const order = Int32Array.from(lengths.keys()).sort((a, b) => lengths[b] - lengths[a] || a - b);
  const active = Int32Array.from({ length: time }, (_, t) => lengths.reduce((count, n) => count + (n > t ? 1 : 0), 0));
  const offsets = new Int32Array(time + 1);
  for (let t = 0; t < time; t++) offsets[t + 1] = offsets[t] + active[t];
  const tokens = offsets[time];
  const rows = new Int32Array(tokens);
  const previous: [Int32Array, Int32Array] = [new Int32Array(tokens), new Int32Array(tokens)];
  for (let t = 0; t < time; t++) {
    for (let k = 0; k < active[t]; k++) {
      const q = offsets[t] + k;
      rows[q] = t * batch + order[k];
      previous[0][q] = t > 0 ? offsets[t - 1] + k : -1;
      previous[1][q] = t + 1 < lengths[order[k]] ? offsets[t + 1] + k : -1;
    }
  }
  const padded: number[] = [];
  for (let t = 0; t < time; t++)
    lengths.forEach((n, b) => {
      t >= n && padded.push(t * batch + b);
    });
  return { lengths: Int32Array.from(lengths), order, active, offsets, rows, previous, padded };
}
