import { inputError } from '../errors.js';
import { lines, readText } from '../shared/textFile.js';

/** A syntactic word (integer id) with all ten CoNLL-U columns; `head` is null when the column is `_`. */
export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number | null;
  deprel: string;
  deps: string;
  misc: string;
  /** 1-based line in the file, for errors raised by later derivations. */
  line: number;
}

/** A multiword token line such as `1-2  don't`: a surface token spanning syntactic words first..last. */
export interface MultiwordToken {
  first: number;
  last: number;
  form: string;
  misc: string;
  line: number;
}

/** An empty node of the enhanced graph (id like `8.1`); kept for completeness, never a tagging token. */
export interface EmptyNode {
  id: string;
  form: string;
  upos: string;
  deps: string;
  misc: string;
  line: number;
}

export interface ConlluSentence {
  /** Line of the sentence's first comment or word. */
  line: number;
  /** Comment lines without the leading `#` and surrounding spaces, e.g. `text = Hello .`. */
  comments: string[];
  words: ConlluWord[];
  multiwordTokens: MultiwordToken[];
  emptyNodes: EmptyNode[];
}

const INTEGER = /^[0-9]+$/;
const RANGE = /^([0-9]+)-([0-9]+)$/;
const DECIMAL = /^[0-9]+\.[0-9]+$/;

/** Parses CoNLL-U text; every malformed line is an error naming the file and line. */
export function parseConllu(text: string, file: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence | null = null;
  const finish = (): void => {
    if (current === null) return;
    if (current.words.length === 0)
      throw inputError(file, current.line, 'sentence has comments but no word lines; expected at least one word');
    checkHeads(current, file);
    sentences.push(current);
    current = null;
  };
  lines(text).forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') {
      finish();
      return;
    }
    current ??= { line, comments: [], words: [], multiwordTokens: [], emptyNodes: [] };
    if (content.startsWith('#')) {
      if (current.words.length > 0 || current.multiwordTokens.length > 0) {
        throw inputError(file, line, 'comment inside a sentence; expected comments only before its first word');
      }
      current.comments.push(content.slice(1).trim());
      return;
    }
    addLine(current, content.split('\t'), file, line);
  });
  finish();
  return sentences;
}

function addLine(sentence: ConlluSentence, fields: string[], file: string, line: number): void {
  if (fields.length !== 10) {
    throw inputError(
      file,
      line,
      `found ${fields.length} tab-separated columns; expected 10 (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC)`,
    );
  }
  const [id, form, lemma, upos, xpos, feats, head, deprel, deps, misc] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const range = RANGE.exec(id);
  if (range) {
    sentence.multiwordTokens.push({ first: Number(range[1]), last: Number(range[2]), form, misc, line });
  } else if (DECIMAL.test(id)) {
    sentence.emptyNodes.push({ id, form, upos, deps, misc, line });
  } else if (INTEGER.test(id)) {
    const expected = sentence.words.length + 1;
    if (Number(id) !== expected) throw inputError(file, line, `word id ${id} out of order; expected ${expected}`);
    if (head !== '_' && !INTEGER.test(head)) throw inputError(file, line, `head '${head}' is not an integer; expected a word id or 0`);
    sentence.words.push({
      id: expected,
      form,
      lemma,
      upos,
      xpos,
      feats,
      head: head === '_' ? null : Number(head),
      deprel,
      deps,
      misc,
      line,
    });
  } else {
    throw inputError(file, line, `id '${id}' is not an integer; expected a word id (7), a multiword range (7-8) or an empty node (7.1)`);
  }
}

function checkHeads(sentence: ConlluSentence, file: string): void {
  for (const word of sentence.words) {
    if (word.head !== null && word.head > sentence.words.length) {
      throw inputError(file, word.line, `head ${word.head} is past the sentence's last word; expected 0..${sentence.words.length}`);
    }
  }
}

export async function readConllu(file: string): Promise<ConlluSentence[]> {
  return parseConllu(await readText(file), file);
}
