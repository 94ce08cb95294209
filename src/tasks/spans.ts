/** A labelled span of word indices (inclusive), with a tie-break order for identical spans. */
export interface Span {
  start: number;
  end: number;
  label: string;
  order: number;
}

/**
 * The spans not inside another span: sorted by start, longest first, then by order (opened first); a span that
 * starts inside a kept one is dropped (so of two crossing spans the earlier one wins).
 */
export function outermostSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || span.start > last.end) kept.push(span);
  }
  return kept;
}

/** BIO labels for `length` words: B-label on a span's first word, I-label on the rest, O outside. */
export function bioLabels(length: number, spans: readonly Span[]): string[] {
  const labels: string[] = Array.from({ length }, () => 'O');
  for (const span of spans) {
    for (let index = span.start; index <= span.end; index++) labels[index] = `${index === span.start ? 'B' : 'I'}-${span.label}`;
  }
  return labels;
}
