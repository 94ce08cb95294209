import { inputError } from '../errors.js';
import type { LabelledText } from './labelled.js';
import { lines, readText } from '../shared/textFile.js';

/** Parses classification JSONL: one object per line with a non-empty string `text` and a string or number `label`. */
export function parseJsonl(content: string, file: string): LabelledText[] {
  const texts: LabelledText[] = [];
  lines(content).forEach((row, index) => {
    const line = index + 1;
    if (row.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (error) {
      throw inputError(file, line, `invalid JSON (${(error as Error).message}); expected one JSON object per line`);
    }
    texts.push({ ...textAndLabel(value, file, line), line });
  });
  return texts;
}

function textAndLabel(value: unknown, file: string, line: number): { text: string; label: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputError(file, line, 'row is not a JSON object; expected {"text": ..., "label": ...}');
  }
  const { text, label } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') throw inputError(file, line, "row has no text; expected a non-empty string 'text'");
  if (typeof label === 'number' && Number.isFinite(label)) return { text: text.trim(), label: String(label) };
  if (typeof label === 'string' && label.trim() !== '') return { text: text.trim(), label: label.trim() };
  throw inputError(file, line, "row has no label; expected a non-empty string or a number 'label'");
}

export async function readJsonl(file: string): Promise<LabelledText[]> {
  return parseJsonl(await readText(file), file);
}
