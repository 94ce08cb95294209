import { escapeHtml } from './html.js';

export interface Column {
  label: string;
  /** Right-aligned with tabular digits. */
  numeric?: boolean;
  /** Shown on hover over the header. */
  help?: string;
  /** A CSS class for the column's cells, e.g. to narrow long paths. */
  className?: string;
}

/** A table cell: plain text, or text with a hover explanation; `null` is an absent value shown as `—`. */
export type Cell = string | { text: string; help: string } | null;

/** An HTML table whose every text is escaped; wide tables scroll inside their own box. */
export function htmlTable(columns: Column[], rows: Cell[][]): string {
  const header = columns
    .map((c) => `<th${classAttribute(c)}${c.help ? ` title="${escapeHtml(c.help)}"` : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => renderCell(cell, columns[i])).join('')}</tr>`);
  return `<div class="table-wrap"><table><thead><tr>${header}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

function classAttribute(column: Column | undefined): string {
  const classes = [column?.numeric ? 'num' : '', column?.className ?? ''].filter((c) => c !== '');
  return classes.length === 0 ? '' : ` class="${escapeHtml(classes.join(' '))}"`;
}

function renderCell(cell: Cell, column: Column | undefined): string {
  if (cell === null) return '<td class="missing">—</td>';
  if (typeof cell === 'string') return `<td${classAttribute(column)}>${escapeHtml(cell)}</td>`;
  return `<td${classAttribute(column)} title="${escapeHtml(cell.help)}">${escapeHtml(cell.text)}</td>`;
}
