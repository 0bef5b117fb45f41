// Text written in pieces instead of built as one string. V8's longest string is ~512 MiB (2^29 - 24 UTF-16
// units), and an export or report of a million spans is close to that or over it: writers of such text
// hand it to a `Write` in pieces of about PIECE_CHARS, gathered from many small strings.

/** Receives the text in order, one piece at a time. */
export type Write = (piece: string) => void;

/** Small strings are gathered into pieces of about this many characters before they are written. */
export const PIECE_CHARS = 1 << 20;

/** Gathers small strings (`put`) into pieces for `write`; `end` writes what is left. */
export class PieceWriter {
  private pending: string[] = [];
  private numChars = 0;

  constructor(private readonly write: Write) {}

  put(s: string): void {
    this.pending.push(s);
    this.numChars += s.length;
    if (this.numChars >= PIECE_CHARS) this.flush();
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) this.write(this.pending.join(''));
    this.pending = [];
    this.numChars = 0;
  }
}

/** What a writer writes, as one string: for output known to be small enough (one trace, tests). */
export function writtenText(writeAll: (write: Write) => void): string {
  const pieces: string[] = [];
  writeAll((piece) => pieces.push(piece));
  return pieces.join('');
}
