// CSV output (RFC 4180): every field quoted, quotes doubled, CRLF between records. A field that a
// spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe,
// the OWASP guard against CSV injection: audit rows carry text that users chose (titles, emails).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
