import { CsvColumns } from './csvColumns.js';
import { parseCsv } from './csvText.js';
import { type CsvValue, tableCsv } from './danfoCsv.js';
import { PairFeatureNames, type PairRow, validatePairRow } from './pairRow.js';
import { type TaskFeatures, TaskFeatureNames, validateTaskFeatures } from './taskFeatures.js';

/**
 * features.csv: one row per task — `task`, the 14 feature values (empty when absent), then the log-curve fit
 * (`curve_fit` status, `curve_fit_curves` curves tried, `curve_fit_fitted` fitted, `curve_fit_rmse` one value per
 * fitted curve separated by spaces) and, as JSON so they survive a round trip, `curve_fit_failures` and
 * `missing` (why each absent feature is absent).
 */
const featureColumns = [
  'task',
  ...TaskFeatureNames,
  'curve_fit',
  'curve_fit_curves',
  'curve_fit_fitted',
  'curve_fit_rmse',
  'curve_fit_failures',
  'missing',
] as const;

export function featuresCsv(features: readonly TaskFeatures[]): string {
  return tableCsv(
    featureColumns,
    features.map((f) => [
      f.task,
      ...TaskFeatureNames.map((name) => f.values[name] ?? null),
      f.curveFit.status,
      f.curveFit.curves,
      f.curveFit.fitted,
      f.curveFit.rmse.join(' '),
      JSON.stringify(f.curveFit.failures),
      JSON.stringify(f.missing),
    ]),
  );
}

export function parseFeaturesCsv(text: string, file: string): TaskFeatures[] {
  const columns = new CsvColumns(parseCsv(text, file), featureColumns);
  return columns.table.records.map((record) => {
    const json = (column: string): unknown => {
      try {
        return JSON.parse(columns.text(record, column));
      } catch {
        throw columns.fail(record, column, 'JSON', columns.text(record, column));
      }
    };
    const rmse = columns.text(record, 'curve_fit_rmse');
    const values = Object.fromEntries(
      TaskFeatureNames.flatMap((name) => {
        const value = columns.number(record, name, { optional: true });
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const candidate = {
      task: columns.string(record, 'task'),
      values,
      missing: json('missing'),
      curveFit: {
        status: columns.text(record, 'curve_fit'),
        curves: columns.integer(record, 'curve_fit_curves'),
        fitted: columns.integer(record, 'curve_fit_fitted'),
        rmse: rmse === '' ? [] : rmse.split(' ').map(Number),
        failures: json('curve_fit_failures'),
      },
    };
    return validateTaskFeatures(candidate, `${file}:${record.line}`);
  });
}

/** pairs.csv: one row per directed pair — main, aux, gain, pValue, label, then the 42 pair features. */
const pairColumns = ['main', 'aux', 'gain', 'pValue', 'label', ...PairFeatureNames] as const;

export function pairsCsv(rows: readonly PairRow[]): string {
  return tableCsv(
    pairColumns,
    rows.map((row): CsvValue[] => [
      row.main,
      row.aux,
      row.gain,
      row.pValue,
      row.label,
      ...PairFeatureNames.map((name) => row.features[name] ?? null),
    ]),
  );
}

export function parsePairsCsv(text: string, file: string): PairRow[] {
  const columns = new CsvColumns(parseCsv(text, file), pairColumns);
  return columns.table.records.map((record) => {
    const features = Object.fromEntries(
      PairFeatureNames.flatMap((name) => {
        const value = columns.number(record, name, { optional: true });
        return value === undefined ? [] : [[name, value]];
      }),
    );
    const candidate = {
      main: columns.string(record, 'main'),
      aux: columns.string(record, 'aux'),
      features,
      gain: columns.number(record, 'gain'),
      pValue: columns.number(record, 'pValue', { optional: true }) ?? null,
      label: columns.integer(record, 'label'),
    };
    return validatePairRow(candidate, `${file}:${record.line}`);
  });
}
