import { inputError } from '../errors.js';
import type { LabelledText } from './labelled.js';
import { lines, readText } from './textFile.js';

/**
 * Parses a classification TSV. The first line is a header that must name a `text` and a `label` column (other
 * columns are ignored), so column order is never guessed; every row has as many fields as the header.
 */
export function parseTsv(content: string, file: string): LabelledText[] {
  const [header, ...rows] = lines(content);
  const names = (header ?? '').split('\t');
  const textColumn = names.indexOf('text');
  const labelColumn = names.indexOf('label');
  if (textColumn === -1 || labelColumn === -1) {
    throw inputError(file, 1, `header '${header ?? ''}' lacks ${textColumn === -1 ? "'text'" : "'label'"}; expected a tab-separated header with columns 'text' and 'label'`);
  }
  const texts: LabelledText[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    if (row.trim() === '') return;
    const fields = row.split('\t');
    if (fields.length !== names.length) throw inputError(file, line, `found ${fields.length} tab-separated columns; expected ${names.length} as in the header`);
    const text = (fields[textColumn] ?? '').trim();
    const label = (fields[labelColumn] ?? '').trim();
    if (text === '') throw inputError(file, line, "row has no text; expected a non-empty 'text' column");
    if (label === '') throw inputError(file, line, "row has no label; expected a non-empty 'label' column");
    texts.push({ text, label, line });
  });
  return texts;
}

export async function readTsv(file: string): Promise<LabelledText[]> {
  return parseTsv(await readText(file), file);
}
