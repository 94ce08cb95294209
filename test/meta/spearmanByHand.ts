/** Spearman's ρ by the textbook route, independent of simple-statistics: Pearson correlation of mid-ranks. */
export function spearmanByHand(x: number[], y: number[]): number {
  const ranks = (v: number[]): number[] => v.map((a) => v.filter((b) => b < a).length + (v.filter((b) => b === a).length + 1) / 2);
  const [rx, ry] = [ranks(x), ranks(y)];
  const mean = (v: number[]): number => v.reduce((s, a) => s + a, 0) / v.length;
  const [mx, my] = [mean(rx), mean(ry)];
  const dot = rx.reduce((s, a, i) => s + (a - mx) * (ry[i] - my), 0);
  const norm = (v: number[], m: number): number => Math.sqrt(v.reduce((s, a) => s + (a - m) ** 2, 0));
  return dot / (norm(rx, mx) * norm(ry, my));
}
