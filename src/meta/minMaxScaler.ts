/** Per-column minimum and maximum of a training fold. */
export interface MinMaxScaler {
  min: number[];
  max: number[];
}

/** Learns each column's range on training rows only, so test rows never inform their own scaling. */
export function fitMinMax(rows: readonly (readonly number[])[]): MinMaxScaler {
  const columns = rows[0]?.length ?? 0;
  const min = new Array<number>(columns).fill(Infinity);
  const max = new Array<number>(columns).fill(-Infinity);
  for (const row of rows) {
    for (let j = 0; j < columns; j++) {
      if (row[j] < min[j]) min[j] = row[j];
      if (row[j] > max[j]) max[j] = row[j];
    }
  }
  return { min, max };
}

/**
 * Maps each column to (x − min)/(max − min). Test values outside the training range fall outside [0, 1] (no
 * clipping, as scikit-learn's MinMaxScaler). A column constant in training maps to 0: it carries no information
 * the model could learn from that fold.
 */
export function applyMinMax(scaler: MinMaxScaler, rows: readonly (readonly number[])[]): number[][] {
  return rows.map((row) =>
    row.map((x, j) => {
      const range = scaler.max[j] - scaler.min[j];
      return range > 0 ? (x - scaler.min[j]) / range : 0;
    }),
  );
}
