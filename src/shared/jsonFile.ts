import { readFileSync } from 'node:fs';
import { inputError, TaskrelError } from '../errors.js';
import { readText } from './textFile.js';

/** Parses a user's JSON file (a study or task spec); a syntax error names the file and line. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw inputError(file, line, `invalid JSON (${message.replace(/ in JSON at position \d+.*$/, '')}); expected a JSON document`);
  }
}

/** Parses a file taskrel wrote (a run, meta.json, predictors.json…); a damaged one is one error naming it. */
export function parseStoredJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TaskrelError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

export function readStoredJson(file: string): unknown {
  return parseStoredJson(readFileSync(file, 'utf8'), file);
}
