import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { vegaBrowserBuilds, vegaScriptTags } from '../../src/report/vegaLibraries.js';

const require = createRequire(import.meta.url);

test('the browser builds are the minified UMD files of the installed vega, vega-lite and vega-embed', () => {
  const builds = vegaBrowserBuilds();
  assert.deepEqual(
    builds.map((b) => b.name),
    ['vega', 'vega-lite', 'vega-embed'],
  );
  const globals = { vega: 'vega', 'vega-lite': 'vegaLite', 'vega-embed': 'vegaEmbed' } as const;
  for (const { name, file } of builds) {
    const source = readFileSync(file, 'utf8');
    assert.ok(source.includes(`.${globals[name as keyof typeof globals]}=`), `${file} defines the ${name} global`);
    const main = require.resolve(name);
    assert.ok(file.startsWith(main.slice(0, main.lastIndexOf('/'))), `${file} sits next to ${main}`);
  }
  const vegaVersion = (require('vega/package.json') as { version: string }).version;
  assert.ok(readFileSync(builds[0].file, 'utf8').includes(`"${vegaVersion}"`));
});

test('script tags: three elements, each closed exactly once, no source-map fetch', async () => {
  const tags = await vegaScriptTags();
  assert.equal(tags.match(/<script\b/g)?.length, 3);
  assert.equal(tags.match(/<\/script>/gi)?.length, 3);
  assert.doesNotMatch(tags, /sourceMappingURL/);
  assert.ok(tags.length > 500_000);
});
