/**
 * Splits raw text into tokens close to the Penn Treebank style GloVe 6B was trained on, so that classification
 * tokens find their word vectors: words (with inner hyphens, periods, commas or apostrophes as in `U.S.`,
 * `1,000`, `well-known`), runs of dots, single other symbols; then the clitics `n't` and `'s 're 've 'll 'd 'm`
 * are split off (`don't` → `do n't`). Curly apostrophes are normalized to `'`.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-.,'][\p{L}\p{M}\p{N}]+)*(?:\.(?!\.))?|\.{2,}|-{2,}|\S/gu;
const NEGATION = /^(.+)(n't)$/i;
const CLITIC = /^(.+)('(?:s|re|ve|ll|d|m))$/i;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [token] of text.replace(/[\u2018\u2019]/g, "'").matchAll(TOKEN)) {
    const clitic = NEGATION.exec(token) ?? CLITIC.exec(token);
    if (clitic) tokens.push(clitic[1] as string, clitic[2] as string);
    else tokens.push(token);
  }
  return tokens.flatMap(splitFinalPeriod);
}

/** Keeps the period of abbreviations (`U.S.`, `Mr.`) but splits a sentence-final one off a plain word. */
function splitFinalPeriod(token: string): string[] {
  if (token.length < 2 || !token.endsWith('.') || token.slice(0, -1).includes('.')) return [token];
  return /^(?:mr|mrs|ms|dr|st|jr|sr|vs|etc|inc|co|ltd)\.$/i.test(token) ? [token] : [token.slice(0, -1), '.'];
}
