import { inputError } from '../errors.js';
import type { LabelledSentence } from './labelled.js';
import { lines, readText } from '../shared/textFile.js';

/**
 * Parses a Brown corpus file (form C): one sentence per non-blank line, tokens `word/tag` separated by
 * whitespace. Words may contain `/` (`1-1/2/cd`), so the tag follows the last one. Tags are kept raw.
 */
export function parseBrown(text: string, file: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  lines(text).forEach((content, index) => {
    const pairs = content
      .trim()
      .split(/\s+/)
      .filter((pair) => pair !== '');
    if (pairs.length === 0) return;
    const sentence: LabelledSentence = { tokens: [], labels: [], line: index + 1 };
    for (const pair of pairs) {
      const slash = pair.lastIndexOf('/');
      if (slash <= 0 || slash === pair.length - 1) throw inputError(file, index + 1, `token '${pair}' is not word/tag; expected word/tag`);
      sentence.tokens.push(pair.slice(0, slash));
      sentence.labels.push(pair.slice(slash + 1));
    }
    sentences.push(sentence);
  });
  return sentences;
}

export async function readBrown(file: string): Promise<LabelledSentence[]> {
  return parseBrown(await readText(file), file);
}
