/**
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which
 * some strip before looking) as a formula — `=HYPERLINK("http://evil", "click")`, `@SUM(1+1)*cmd|' /C calc'!A0`.
 * OWASP's remedy: prefix such a cell with a single quote, which spreadsheets show as text and do not run.
 *
 * Every CSV Switchboard writes passes its text cells through here. A cell that is just a signed number
 * ("-12", "+3.5e2") is left alone: it cannot call anything, and prefixing it would turn numbers into text.
 * Imports store cells verbatim (data is data); the escaping happens only on the way out, into a spreadsheet.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function escapeFormulaCell(cell: string): string {
  return FORMULA_START.test(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
}
