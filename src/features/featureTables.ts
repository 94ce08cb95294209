import { inputError } from '../errors.js';
import { CsvColumns } from '../shared/csvColumns.js';
import { type CsvTable, type CsvValue, formatCsv, parseCsv } from '../shared/csv.js';
import { type PairRow, pairFeatureNames, validatePairRow } from './pairRow.js';
import {
  type CurveFeatureMode,
  CurveFeatureModes,
  curveModeOfColumns,
  LogFitFeatureNames,
  type TaskFeatures,
  taskFeatureNames,
  validateTaskFeatures,
} from './taskFeatures.js';

/**
 * features.csv: one row per task — `task`, the 14 feature values of the study's curve-feature mode (empty when
 * absent), then the log-curve fit (`curve_fit` status, `curve_fit_curves` curves tried, `curve_fit_fitted` fitted,
 * `curve_fit_rmse` one value per fitted curve separated by spaces) and, as JSON so they survive a round trip,
 * `curve_fit_failures`, `curve_fit_notes` and `missing` (why each absent feature is absent). Which log-fit
 * columns it has (curve_a, curve_knee or curve_b, curve_c) says the mode.
 */
const fitColumns = [
  'curve_fit',
  'curve_fit_curves',
  'curve_fit_fitted',
  'curve_fit_rmse',
  'curve_fit_failures',
  'curve_fit_notes',
  'missing',
] as const;
const featureColumns = (mode: CurveFeatureMode): string[] => ['task', ...taskFeatureNames(mode), ...fitColumns];

export function featuresCsv(features: readonly TaskFeatures[], mode: CurveFeatureMode): string {
  return formatCsv(
    featureColumns(mode),
    features.map((f) => [
      f.task,
      ...taskFeatureNames(mode).map((name) => f.values[name] ?? null),
      f.curveFit.status,
      f.curveFit.curves,
      f.curveFit.fitted,
      f.curveFit.rmse.join(' '),
      JSON.stringify(f.curveFit.failures),
      JSON.stringify(f.curveFit.notes),
      JSON.stringify(f.missing),
    ]),
  );
}

/** The curve-feature mode of a features.csv or pairs.csv, from its header. */
function tableMode(table: CsvTable): CurveFeatureMode {
  const mode = curveModeOfColumns(table.header);
  if (mode === undefined) {
    const expected = CurveFeatureModes.map((m) => LogFitFeatureNames[m].join(' and ')).join(', or ');
    throw inputError(table.file, 1, `expected the log-fit features of one curve-feature mode (${expected})`);
  }
  return mode;
}

export function parseFeaturesCsv(text: string, file: string): TaskFeatures[] {
  const table = parseCsv(text, file);
  const mode = tableMode(table);
  const columns = new CsvColumns(table, featureColumns(mode));
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
      taskFeatureNames(mode).flatMap((name) => {
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
        notes: json('curve_fit_notes'),
      },
    };
    return validateTaskFeatures(candidate, `${file}:${record.line}`);
  });
}

/** pairs.csv: one row per directed pair — main, aux, gain, pValue, label, then the mode's 42 pair features. */
const pairColumns = (mode: CurveFeatureMode): string[] => ['main', 'aux', 'gain', 'pValue', 'label', ...pairFeatureNames(mode)];

export function pairsCsv(rows: readonly PairRow[], mode: CurveFeatureMode): string {
  return formatCsv(
    pairColumns(mode),
    rows.map((row): CsvValue[] => [
      row.main,
      row.aux,
      row.gain,
      row.pValue,
      row.label,
      ...pairFeatureNames(mode).map((name) => row.features[name] ?? null),
    ]),
  );
}

export function parsePairsCsv(text: string, file: string): PairRow[] {
  const table = parseCsv(text, file);
  const mode = tableMode(table);
  const columns = new CsvColumns(table, pairColumns(mode));
  return columns.table.records.map((record) => {
    const features = Object.fromEntries(
      pairFeatureNames(mode).flatMap((name) => {
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
