import { PAD_ID } from '../../tasks/encodedTask.js';

/**
 * A trainable [rows, dim] matrix kept in JavaScript and read by row: word embeddings, or the first layer of the
 * bag-of-words classifier. Only the rows a batch uses are gathered, and only they receive gradients and
 * optimiser updates ("lazy" updates, as TF's LazyAdam or torch's SparseAdam): a dense update of a 20,000 × 100
 * table would cost more than the rest of the step.
 */
export class EmbeddingTable {
  constructor(
    readonly rows: number,
    readonly dim: number,
    /** Row-major values; the optimiser updates them in place. */
    readonly values: Float32Array,
  ) {
    if (values.length !== rows * dim) throw new Error(`EmbeddingTable: ${values.length} values for ${rows} × ${dim}`);
  }

  /** The rows of `tokens`, one after another ([tokens.length, dim]); padding gathers zeros. */
  gather(tokens: Int32Array): Float32Array {
    const { dim, values } = this;
    const out = new Float32Array(tokens.length * dim);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] !== PAD_ID) out.set(values.subarray(tokens[i] * dim, (tokens[i] + 1) * dim), i * dim);
    }
    return out;
  }
}

/** Gradient of some rows of a table: `gradient` holds one row of `dim` values per entry of `rows` (distinct). */
export interface RowGradient {
  table: EmbeddingTable;
  rows: Int32Array;
  gradient: Float32Array;
}

/**
 * Sums per-occurrence gradients into per-row gradients: occurrence i (of row tokens[i]) contributes row
 * `sourceRow(i)` of `source` (width dim), times `scale` at occurrence i when given (a dropout mask).
 * Padding contributes nothing.
 */
export function rowGradient(
  table: EmbeddingTable,
  tokens: Int32Array,
  source: Float32Array,
  sourceRow: (occurrence: number) => number,
  scale?: Float32Array,
): RowGradient {
  const { dim } = table;
  const slotOf = new Map<number, number>();
  for (const token of tokens) if (token !== PAD_ID && !slotOf.has(token)) slotOf.set(token, slotOf.size);
  const gradient = new Float32Array(slotOf.size * dim);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === PAD_ID) continue;
    const to = (slotOf.get(tokens[i]) as number) * dim;
    const from = sourceRow(i) * dim;
    if (scale === undefined) for (let k = 0; k < dim; k++) gradient[to + k] += source[from + k];
    else for (let k = 0; k < dim; k++) gradient[to + k] += source[from + k] * scale[i * dim + k];
  }
  return { table, rows: Int32Array.from(slotOf.keys()), gradient };
}
