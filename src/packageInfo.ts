import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** taskrel's installation folder (this file is compiled to dist/src/, two levels below it). */
export const packageRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** taskrel's own package.json. */
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const taskrelVersion: string = packageJson.version;
