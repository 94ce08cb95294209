/**
 * Reduces a raw Brown tag (472 distinct) to its base tag (92): the `fw-` (foreign word) prefix and the `-tl`
 * (title), `-hl` (headline) and `-nc` (cited) suffixes are dropped; a contraction tag keeps its first part
 * (`pps+bez` for "it's" → `pps`); the negation mark of `dod*` ("didn't") is dropped, while the bare `*` tag of
 * "not" stays.
 */
export function brownBaseTag(tag: string): string {
  const base = tag
    .replace(/^fw-/, '')
    .replace(/(?:-(?:tl|hl|nc))+$/, '')
    .replace(/\+.*$/, '');
  return base.length > 1 && base.endsWith('*') ? base.slice(0, -1) : base;
}
