import { inputError } from '../errors.js';
import { parseDelimited } from '../shared/csv.js';
import type { LabelledText } from './labelled.js';
import { readText } from '../shared/textFile.js';

/**
 * Parses a classification TSV. The first line is a header that must name a `text` and a `label` column (other
 * columns are ignored), so column order is never guessed; every row has as many fields as the header. Fields
 * may be quoted as CSV writers quote them (RFC 4180: "…" with "" for a quote, tabs and line breaks inside), so
 * a text written by Python's csv or pandas reads back without its quotes.
 */
export function parseTsv(content: string, file: string): LabelledText[] {
  const [header, ...rows] = parseDelimited(content, file, '\t');
  const names = (header?.fields ?? []).map((name) => name.trim());
  const textColumn = names.indexOf('text');
  const labelColumn = names.indexOf('label');
  if (textColumn === -1 || labelColumn === -1) {
    throw inputError(
      file,
      1,
      `header '${names.join('\t')}' lacks ${textColumn === -1 ? "'text'" : "'label'"}; expected a tab-separated header with columns 'text' and 'label'`,
    );
  }
  const texts: LabelledText[] = [];
  for (const { line, fields } of rows) {
    if (fields.every((field) => field.trim() === '')) continue;
    if (fields.length !== names.length)
      throw inputError(file, line, `found ${fields.length} tab-separated columns; expected ${names.length} as in the header`);
    const text = (fields[textColumn] ?? '').trim();
    const label = (fields[labelColumn] ?? '').trim();
    if (text === '') throw inputError(file, line, "row has no text; expected a non-empty 'text' column");
    if (label === '') throw inputError(file, line, "row has no label; expected a non-empty 'label' column");
    texts.push({ text, label, line });
  }
  return texts;
}

export async function readTsv(file: string): Promise<LabelledText[]> {
  return parseTsv(await readText(file), file);
}
