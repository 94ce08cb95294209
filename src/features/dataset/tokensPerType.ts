import type { Example } from '../../tasks/task.js';

/**
 * Training tokens per word type (the inverse type/token ratio). Types are case-sensitive, as the tokens are
 * written: the models see cased tokens, so "The" and "the" are two types to them. Undefined for an empty split.
 */
export function tokensPerType(train: readonly Example[]): number | undefined {
  const types = new Set<string>();
  let tokens = 0;
  for (const example of train) {
    tokens += example.tokens.length;
    for (const token of example.tokens) types.add(token);
  }
  return tokens === 0 ? undefined : tokens / types.size;
}
