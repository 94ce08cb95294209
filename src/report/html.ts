/** Text for HTML element content and attribute values: task names and descriptions are user input. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside `<script type="application/json">`: `<` is written as `\u003c`, so neither
 * `</script>` nor `<!--` can appear, and the result still parses to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * JavaScript source made safe to inline in a `<script>` element: `</script` and `<!--` would end or confuse
 * the element, and in minified libraries both only occur in strings, regexes or comments, where `<\/` and
 * `<\x21--` mean the same (`\x21` is `!`; unlike `\!` it is also valid in a unicode regex).
 * Source-map comments are dropped because the maps are not shipped with the page.
 */
export function scriptForInline(source: string): string {
  return source
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\x21--')
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}
