// Reading CSV (RFC 4180) for the console's bulk provisioning, with papaparse: quoted fields may
// hold commas, line breaks and doubled quotes (""); a file's rows end in LF, CRLF or CR (one kind
// per file, as papaparse detects it); a leading byte-order mark is dropped. Pure and client-safe.
// What papaparse leaves to its caller is added here: the line on which each record starts (a
// quoted field may span lines) from the parser's cursor, blank lines skipped (a line of spaces
// too, but not one of commas), and a quoting error named with its line.

import Papa from "papaparse";

export interface CsvResult {
  /** The records, each a list of fields; blank lines are skipped. */
  rows: string[][];
  /** 1-based line number on which each record starts, parallel to `rows`. */
  lines: number[];
  /** A problem that makes the text unreadable as CSV (an unterminated quote), or "". */
  error: string;
}

export function parseCsv(text: string): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  let error = "";
  // The line at `counted` (an offset into src), moved forward as records are read.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number, linebreak: string) => {
    for (let i = src.indexOf(linebreak, counted); i !== -1 && i < offset; i = src.indexOf(linebreak, i + linebreak.length)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  let start = 0;
  Papa.parse<string[]>(src, {
    delimiter: ",",
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const linebreak = result.meta.linebreak || "\n";
      const quoting = result.errors.find((e) => e.type === "Quotes");
      if (quoting) {
        const at = lineAt(quoting.index ?? start, linebreak);
        error =
          quoting.code === "MissingQuotes"
            ? `A quoted field that starts on line ${at} is never closed.`
            : `A quoted field on line ${at} has text after its closing quote; write a quote inside a field as two ("").`;
        parser.abort();
        return;
      }
      const record = result.data;
      // A blank line, or one of only spaces and tabs, is not a record of one empty field.
      if (!(record.length === 1 && record[0].trim() === "")) {
        rows.push(record);
        lines.push(lineAt(start, linebreak));
      }
      start = result.meta.cursor;
    },
  });
  return { rows, lines, error };
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
