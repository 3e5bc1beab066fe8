// COPY text written as UTF-8 bytes line by line, as the reading pass makes it (ADR 0032). A chunk's lines kept as
// strings joined into one were a tree of ~200 000 small pieces (every template literal and `+=` links two), and
// flattening that tree to post it cost the reading thread more than the checks. A line written here is flattened
// while it is fresh; the bytes are posted to the main thread without a copy (the buffer is transferred) and go to
// the database as they are, with no string left to encode there.

/** UTF-8 bytes per UTF-16 unit at most (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;
const FIRST_SIZE = 1 << 16;

export class CopyTextBuffer {
  private bytes: Buffer | null = null;
  private length = 0;
  /** The size of the last piece taken: the next one is likely alike, so it rarely grows. */
  private usual = FIRST_SIZE;

  write(line: string): void {
    const room = line.length * MAX_BYTES_PER_UNIT;
    if (this.bytes === null || this.length + room > this.bytes.length) this.grow(room);
    this.length += (this.bytes as Buffer).write(line, this.length);
  }

  /**
   * The bytes written since the last take. A non-empty piece owns its ArrayBuffer (never Node's shared pool), so it
   * can be transferred to another thread.
   */
  take(): Uint8Array<ArrayBuffer> {
    if (this.bytes === null || this.length === 0) return new Uint8Array(0);
    const piece = new Uint8Array(this.bytes.buffer as ArrayBuffer, 0, this.length);
    this.usual = Math.max(FIRST_SIZE, this.length + (this.length >> 3));
    this.bytes = null;
    this.length = 0;
    return piece;
  }

  private grow(room: number) {
    // allocUnsafeSlow: a buffer of its own, never a slice of Node's shared pool, so take() can hand it over whole.
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.usual, 2 * (this.bytes?.length ?? 0), this.length + room));
    this.bytes?.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
}

/** The buffers to transfer with a message holding these pieces (empty ones are simply copied). */
export function transferable(...pieces: Uint8Array<ArrayBuffer>[]): ArrayBuffer[] {
  return pieces.filter((piece) => piece.byteLength > 0).map((piece) => piece.buffer);
}
