import { inputError } from '../errors.js';
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
