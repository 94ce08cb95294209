import { inputError } from '../errors.js';
import type { LabelledText } from './labelled.js';
import { readText } from '../shared/textFile.js';

/**
 * Reads one of the `sentiment` package's UCI fixtures: a JSON array of `{text, class}` with class 1 (positive) or
 * 0 (negative). Each file ends with one empty record `{"text": "", "class": null}`, which is skipped; any other
 * malformed record is an error naming its 1-based record number (the file is one line).
 */
export async function readSentimentFixture(file: string): Promise<LabelledText[]> {
  let records: unknown;
  try {
    records = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw inputError(file, undefined, `invalid JSON (${error.message}); expected an array of {text, class}`);
    throw error;
  }
  if (!Array.isArray(records)) throw inputError(file, undefined, 'not a JSON array; expected an array of {text, class}');
  const texts: LabelledText[] = [];
  records.forEach((record: unknown, index) => {
    const { text, class: polarity } = (record ?? {}) as Record<string, unknown>;
    if (text === '' && polarity === null) return;
    if (typeof text !== 'string' || text.trim() === '' || (polarity !== 0 && polarity !== 1)) {
      throw inputError(file, undefined, `record ${index + 1} is not {text, class: 0|1}; expected a non-empty text and class 0 or 1`);
    }
    texts.push({ text: text.trim(), label: polarity === 1 ? 'positive' : 'negative', line: index + 1 });
  });
  return texts;
}
