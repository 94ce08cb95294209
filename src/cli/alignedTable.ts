/** Rows of cells as terminal lines, columns padded to their widest cell; `rightAligned` columns (numbers) pad left. */
export function alignedTable(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}
