/**
 * Cuts CSV text into records (one per data row, its line breaks inside quotes kept) before any cell is
 * parsed, in one pass and in linear time whatever the input. Why not let papaparse stream the file: it
 * re-parses the unfinished record from its start on every chunk, so a 2 MB cell fed in small chunks, or one
 * quote never closed in a large file, costs time quadratic in the file's size; and it swallows everything
 * after such a quote into one cell, silently. Here a quote that stays open past MAX_QUOTED_CHARS, or to the
 * end of the file, is reported on the line where it opened, and the lines after that line are read again as
 * ordinary rows.
 *
 * Line breaks: \n, \r\n and a lone \r all end a record (outside quotes) and count as one line each.
 */
export type SplitRecord = { line: number; text: string } | { line: number; unclosedQuote: true };

/** A quoted cell may be this long (in characters); past it, its quote is taken to be a typo. */
export const MAX_QUOTED_CHARS = 8 * 1024 * 1024;

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvRecordSplitter {
  private parts: string[] = [];
  private recordChars = 0;
  private inQuotes = false;
  /** Inside quotes, a quote was just seen: the next character says whether it was doubled or closing. */
  private afterQuote = false;
  private atFieldStart = true;
  private previousWasCR = false;
  /** The physical line the scanner is on, and the one the current record began on. */
  private line = 1;
  private recordLine = 1;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxQuotedChars = MAX_QUOTED_CHARS,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, out: SplitRecord[] = []): SplitRecord[] {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (this.afterQuote) {
          this.afterQuote = false;
          if (c === QUOTE) continue; // a doubled quote: still inside
          this.inQuotes = false; // closed; c is read below as any character after a cell
        } else {
          if (c === QUOTE) this.afterQuote = true;
          else if (c === LF) {
            if (!this.previousWasCR) this.line++;
          } else if (c === CR) this.line++;
          this.previousWasCR = c === CR;
          continue;
        }
      }
      if (c === LF || c === CR) {
        const terminatorOfCR = c === LF && this.previousWasCR;
        this.previousWasCR = c === CR;
        if (terminatorOfCR) {
          start = i + 1;
          continue;
        }
        this.parts.push(text.slice(start, i));
        this.emit(out);
        this.line++;
        start = i + 1;
        continue;
      }
      this.previousWasCR = false;
      if (c === QUOTE && this.atFieldStart) this.inQuotes = true;
      this.atFieldStart = c === this.delimiter;
    }
    if (start < text.length) {
      this.parts.push(text.slice(start));
      this.recordChars += text.length - start;
    }
    if (this.inQuotes && this.recordChars > this.maxQuotedChars) this.giveUpOnQuote(out);
    return out;
  }

  end(out: SplitRecord[] = []): SplitRecord[] {
    // Each pass drops at least the line a quote opened on, so this ends.
    while (this.inQuotes && !this.afterQuote) this.giveUpOnQuote(out);
    if (this.parts.length > 0) this.emit(out);
    return out;
  }

  private emit(out: SplitRecord[]): void {
    out.push({ line: this.line, text: this.parts.length === 1 ? this.parts[0]! : this.parts.join("") });
    this.reset(this.line + 1);
  }

  private reset(line: number): void {
    this.parts = [];
    this.recordChars = 0;
    this.inQuotes = false;
    this.afterQuote = false;
    this.atFieldStart = true;
    this.recordLine = line;
  }

  /** Reports the line the quote opened on, then reads what followed that line again, quote-free of it. */
  private giveUpOnQuote(out: SplitRecord[]): void {
    const held = this.parts.join("");
    const firstBreak = held.search(/\r\n?|\n/);
    const brokenLine = this.recordLine;
    out.push({ line: brokenLine, unclosedQuote: true });
    const rest =
      firstBreak === -1 ? "" : held.slice(firstBreak + (held.startsWith("\r\n", firstBreak) ? 2 : 1));
    this.line = brokenLine + 1;
    this.previousWasCR = false;
    this.reset(this.line);
    this.push(rest, out);
  }
}
