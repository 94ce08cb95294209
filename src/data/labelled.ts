/** A token sequence with one label per token, as read from a tagged file; `line` is where it starts. */
export interface LabelledSentence {
  tokens: string[];
  labels: string[];
  line: number;
}

/** A text with one label, as read from a classification file; `line` is its row (or record number). */
export interface LabelledText {
  text: string;
  label: string;
  line: number;
}
