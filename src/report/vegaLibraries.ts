import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { scriptForInline } from './html.js';

const require = createRequire(import.meta.url);

/**
 * The browser builds, in load order (vega-lite needs the `vega` global, vega-embed both). Each is found
 * next to its package's main entry, so the page uses exactly the versions Node resolved for this install.
 */
export function vegaBrowserBuilds(): { name: string; file: string }[] {
  return (['vega', 'vega-lite', 'vega-embed'] as const).map((name) => ({
    name,
    file: path.join(path.dirname(require.resolve(name)), `${name}.min.js`),
  }));
}

/** `<script>` elements holding vega, vega-lite and vega-embed, so a report needs no network. */
export async function vegaScriptTags(): Promise<string> {
  const tags = await Promise.all(
    vegaBrowserBuilds().map(async ({ name, file }) => {
      const source = await readFile(file, 'utf8');
      return `<script data-library="${name}">${scriptForInline(source)}</script>`;
    }),
  );
  return tags.join('\n');
}
