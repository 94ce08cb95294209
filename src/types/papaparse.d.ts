/** The parts of papaparse@5 (no bundled types; @types/papaparse is not installed) that taskrel uses. */
declare module 'papaparse' {
  interface ParseError {
    /** 'MissingQuotes' (a quoted field never closed) or 'InvalidQuotes' (text after a closing quote). */
    code: string;
    message: string;
  }

  interface ParseStep {
    /** The fields of one record. */
    data: string[];
    errors: ParseError[];
    /** The offset in the input just past the record and its line end. */
    meta: { cursor: number };
  }

  interface ParseConfig {
    delimiter: string;
    newline: '\n' | '\r\n' | '\r';
    quoteChar: string;
    step(results: ParseStep): void;
  }

  const Papa: { parse(input: string, config: ParseConfig): void };
  export default Papa;
}
