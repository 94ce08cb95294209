import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, jsonForScript, scriptForInline } from '../../src/report/html.js';

test('escapeHtml neutralises markup and attribute quotes', () => {
  assert.equal(escapeHtml(`<b>"pos" & 'chunk'</b>`), '&#60;b&#62;&#34;pos&#34; &#38; &#39;chunk&#39;&#60;/b&#62;');
});

test('JSON for a script element cannot close it, open a comment, or break on line separators, and parses back', () => {
  const value = { name: '</script><script>alert(1)</script>', note: '<!-- x -->', odd: 'a\u2028b\u2029c' };
  const text = jsonForScript(value);
  assert.doesNotMatch(text, /<\/script|<!--|\u2028|\u2029/i);
  assert.deepEqual(JSON.parse(text), value);
});

test('inlined JavaScript cannot close its element and still means the same', () => {
  const source = 'var a = "</SCRIPT>", b = /<!--/u.test(x) && `<!--` === "<" + "!--";\n//# sourceMappingURL=vega.min.js.map';
  const safe = scriptForInline(source);
  assert.doesNotMatch(safe, /<\/script|<!--|sourceMappingURL/i);
  const run = (code: string): unknown => new Function('x', `${code}; return [a, b];`)('<!-- y');
  assert.deepEqual(run(safe), ['</SCRIPT>', true]);
});
