// The main thread's side of the reading pass (ADR 0027): sends the file's chunks to the reading thread
// (import-read.worker.ts) a few ahead, and hands the COPY text coming back to the staging table's COPY, so that
// parsing and checking the next chunks overlaps the database's work on this one. Keeps what the import needs to
// decide and report: the counts, the bad rows' reports, the file's digest and the name words.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type FromReader, type ReadingSettings, readChunks, type ToReader } from './import-reading';
import { ImportFileError, type ImportProblem } from './import-rows';
import { NameWords } from './search-index';

export type ReadingProgress = (rowsDone: number) => void;

/**
 * The first chunks of a file, up to `chars` characters or all of a smaller file (`ended`); the rest stays in `input`.
 * What is decided by a file's size (the reading thread, the straight import) is decided on its head, not on a count.
 */
export async function readHead(input: AsyncIterator<string>, chars: number) {
  const head: string[] = [];
  let size = 0;
  while (size < chars) {
    const next = await input.next();
    if (next.done) return { head, size, ended: true };
    head.push(next.value);
    size += next.value.length;
  }
  return { head, size, ended: false };
}

/** Files up to this many characters (about 50 000 rows) are read in the main thread. */
const IN_THREAD_CHARS = 4 << 20;
/** Chunks sent ahead of the one being staged: enough to keep the reader busy, few enough to bound memory. */
const CHUNKS_AHEAD = 3;
/** Larger text (an upload handed over as one string) is sent in slices of this many characters. */
const SLICE_CHARS = 1 << 20;
/**
 * The reading makes short-lived strings and objects by the million; a larger young generation than V8's default lets
 * most die there, with fewer scavenges and less promoted to the old generation (about a tenth less CPU per row).
 */
const READER_YOUNG_GENERATION_MB = 192;

/**
 * The worker runs TypeScript. tsx registers its loader in the main thread only, and a test runner's transform does
 * not reach worker threads either: the thread registers tsx through its ESM API (`tsx/esm/api`, whose `import`
 * export sits beside the `require` one that createRequire finds), then loads the module.
 */
const TSX_ESM_API = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
);
const WORKER_START = `import(${JSON.stringify(TSX_ESM_API.href)}).then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL('./import-read.worker.ts', import.meta.url).href)});
});`;

export class FileReading {
  rows = 0;
  invalidRows = 0;
  readonly problems: ImportProblem[] = [];
  readonly words = new NameWords();
  readonly sha256 = createHash('sha256');
  /** Straight into the registry (settings.firstIds): the contacts' COPY text, written after the subjects'. */
  readonly phones: Buffer[] = [];
  readonly emails: Buffer[] = [];

  constructor(
    private readonly settings: ReadingSettings,
    /** Tests lower it to run the reading thread on a small file. */
    private readonly inThreadChars = IN_THREAD_CHARS,
  ) {}

  /**
   * COPY text of the rows to stage, as the reading produces it. Once a row is bad and may not be skipped, the text
   * stops: the rest of the file is read only for the report. Throws ImportFileError for a file that cannot be read
   * at all. A file of up to `inThreadChars` is read here: a thread costs more to start than such a file to read.
   */
  async *copyText(chunks: AsyncIterable<string> | Iterable<string>, onProgress?: ReadingProgress) {
    const input = this.slices(chunks)[Symbol.asyncIterator]();
    const { head, ended } = await readHead(input, this.inThreadChars);
    if (ended) {
      const replies: FromReader[] = [];
      await readChunks(head, this.settings, (reply) => replies.push(reply));
      for (const reply of replies) yield* this.take(reply, onProgress);
      return;
    }
    const worker = new Worker(WORKER_START, {
      eval: true,
      workerData: this.settings,
      resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MB },
    });
    const replies = new Replies(worker);
    let inFlight = 0;
    let sentAll = false;
    const send = async () => {
      while (!sentAll && inFlight < CHUNKS_AHEAD) {
        const next = head.length > 0 ? { done: false as const, value: head.shift() as string } : await input.next();
        sentAll = next.done === true;
        if (!next.done) inFlight++;
        worker.postMessage((next.done ? { end: true } : { chunk: next.value }) satisfies ToReader);
      }
    };
    try {
      await send();
      for (;;) {
        const reply = await replies.next();
        if (reply.type === 'piece') {
          inFlight--;
          await send();
        }
        yield* this.take(reply, onProgress);
        if (reply.type === 'end') return;
      }
    } finally {
      await worker.terminate();
    }
  }

  /** Keeps a reply's counts, reports and words; gives its COPY text. */
  private *take(reply: FromReader, onProgress?: ReadingProgress) {
    if (reply.type === 'error') throw reply.fileError ? new ImportFileError(reply.message) : new Error(reply.message);
    this.rows = reply.rows;
    this.invalidRows = reply.invalidRows;
    this.problems.push(...reply.problems);
    if (reply.type === 'end') for (const [word, roles] of reply.words) this.words.roles.set(word, roles);
    if (reply.phones.byteLength > 0) this.phones.push(asBuffer(reply.phones));
    if (reply.emails.byteLength > 0) this.emails.push(asBuffer(reply.emails));
    if (reply.text.byteLength > 0) yield asBuffer(reply.text);
    onProgress?.(this.rows);
  }

  /** The file's chunks for the reader, digested as they pass; very long ones cut into slices. */
  private async *slices(chunks: AsyncIterable<string> | Iterable<string>) {
    for await (const chunk of chunks) {
      // The digest is of the chunk as read: a slice may end inside a surrogate pair.
      this.sha256.update(chunk);
      for (let at = 0; at < chunk.length; at += SLICE_CHARS) yield chunk.slice(at, at + SLICE_CHARS);
    }
  }
}

/** A posted piece (a plain Uint8Array after the crossing) as a Buffer over the same bytes, for the COPY. */
function asBuffer(piece: Uint8Array): Buffer {
  return Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}

/** The worker's messages in order; a worker that fails or exits early fails the reading. */
class Replies {
  private readonly queue: FromReader[] = [];
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(worker: Worker) {
    worker.on('message', (message: FromReader) => this.arrive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the import's reading thread exited (code ${code})`)));
  }

  async next(): Promise<FromReader> {
    for (;;) {
      const message = this.queue.shift();
      if (message) return message;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private arrive(message: FromReader) {
    this.queue.push(message);
    this.wake?.();
  }

  private fail(error: Error) {
    this.failure ??= error;
    this.wake?.();
  }
}
