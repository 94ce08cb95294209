import { inputError } from '../errors.js';
import type { LabelledSentence } from './labelled.js';
import { lines, readText } from '../shared/textFile.js';

/** Parses two-column CoNLL: `token<TAB>label` per line (spaces around either are dropped), a blank line between sentences. */
export function parseTwoColumn(text: string, file: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  let current: LabelledSentence | null = null;
  lines(text).forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') {
      if (current) sentences.push(current);
      current = null;
      return;
    }
    const fields = content.split('\t');
    if (fields.length !== 2) throw inputError(file, line, `found ${fields.length} tab-separated columns; expected 2 (token<TAB>label)`);
    // Trailing spaces (`O  `) would make another label, which dev and test then map to <unk>.
    const [token, label] = (fields as [string, string]).map((field) => field.trim());
    if (token === '' || label === '')
      throw inputError(file, line, `empty ${token === '' ? 'token' : 'label'}; expected token<TAB>label, both non-empty`);
    current ??= { tokens: [], labels: [], line };
    current.tokens.push(token);
    current.labels.push(label);
  });
  if (current) sentences.push(current);
  return sentences;
}

export async function readTwoColumn(file: string): Promise<LabelledSentence[]> {
  return parseTwoColumn(await readText(file), file);
}
