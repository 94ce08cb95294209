import { readFileSync } from 'node:fs';

/** taskrel's own package.json (this file is compiled to dist/src/, two levels below the package root). */
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

export const taskrelVersion: string = packageJson.version;
