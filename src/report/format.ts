/** How numbers read in the report's text and tables. */

/** `+3.1%`, `−0.4%`, `0.0%`: a relative gain as people read it. */
export function formatGain(gain: number): string {
  const percent = (gain * 100).toFixed(1);
  if (percent === '0.0' || percent === '-0.0') return '0.0%';
  return gain > 0 ? `+${percent}%` : `−${percent.slice(1)}%`;
}

/** `+0.431`, `−0.012`: an absolute difference of two scores in [0, 1], where a percentage would mislead. */
export function formatScoreDifference(difference: number): string {
  const text = Math.abs(difference).toFixed(3);
  if (text === '0.000') return text;
  return `${difference > 0 ? '+' : '−'}${text}`;
}

/** `0.12`, `—` for an undefined value; never `-0.00`. */
export function formatFixed(value: number | null, digits = 2): string {
  if (value === null) return '—';
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A cost as a multiple of another: `0`, `0.0013`, `0.27`, `—` when unknown. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  if (ratio === 0) return '0';
  return ratio < 0.095 ? ratio.toPrecision(2) : ratio.toFixed(2);
}

/** Integers with thousands separators; other values with 4 significant digits, in plain (not e-) notation when sensible. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e6)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

/** `45 s`, `12 min 5 s`, `3 h 20 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
