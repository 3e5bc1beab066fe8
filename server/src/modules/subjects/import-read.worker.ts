// The reading pass of an import, in a thread of its own (ADR 0027): CSV parsing, the row checks, the search
// normalisers and the COPY text run here while the main thread feeds the database — on PGlite the database itself
// runs in the main thread, so this is what lets both cores work. Started by import-read.ts, which sends the file's
// text chunks and receives, for each chunk, the COPY text of its valid rows with the counts and the bad rows' reports.

import { parentPort, workerData } from 'node:worker_threads';
import { checkedRows, ImportFileError, type ImportProblem } from './import-rows';
import { copyLine } from './import-staging';
import { NameWords } from './search-index';

export type ReadingSettings = { today: string; skipInvalid: boolean; maxProblems: number };

/** Main → worker: the next chunk of the file, or its end. */
export type ToReader = { chunk: string } | { end: true };

/** Worker → main: what one chunk gave (`piece`), the rest and the name words (`end`), or why it stopped (`error`). */
export type FromReader =
  | ({ type: 'piece' } & ReadingDelta)
  | ({ type: 'end'; words: Map<string, number> } & ReadingDelta)
  | { type: 'error'; fileError: boolean; message: string };

type ReadingDelta = {
  /** COPY text of the valid rows to stage (empty once a bad row stops staging). */
  text: string;
  /** Totals so far. */
  rows: number;
  invalidRows: number;
  /** Bad rows' reports since the previous message (at most maxProblems over the whole file). */
  problems: ImportProblem[];
};

const port = parentPort;
if (port) void read(port, workerData as ReadingSettings);

async function read(out: NonNullable<typeof parentPort>, { today, skipInvalid, maxProblems }: ReadingSettings) {
  const words = new NameWords();
  let text = '';
  let rows = 0;
  let invalidRows = 0;
  let kept = 0;
  let problems: ImportProblem[] = [];
  const delta = (): ReadingDelta => {
    const d = { text, rows, invalidRows, problems };
    text = '';
    problems = [];
    return d;
  };
  // The parser asks for the next chunk only once every record of the previous one is checked: that is when its
  // piece is complete and goes back (one reply per chunk, which is how the main thread paces its sending).
  const chunks = inbox(out, () => out.postMessage({ type: 'piece', ...delta() } satisfies FromReader));
  try {
    for await (const checked of checkedRows(chunks, today)) {
      rows++;
      if ('problems' in checked) {
        invalidRows++;
        for (const p of checked.problems) if (kept++ < maxProblems) problems.push(p);
      } else if (invalidRows === 0 || skipInvalid) {
        words.addSubject(checked.row);
        text += copyLine(checked.row);
      }
    }
    out.postMessage({ type: 'end', words: words.roles, ...delta() } satisfies FromReader);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.postMessage({ type: 'error', fileError: error instanceof ImportFileError, message } satisfies FromReader);
  }
}

/** The chunks the main thread sends, as the parser's input; `onDrained` runs each time a chunk was fully used. */
async function* inbox(port: NonNullable<typeof parentPort>, onDrained: () => void): AsyncGenerator<string> {
  const queue: ToReader[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (message: ToReader) => {
    queue.push(message);
    wake?.();
  });
  let started = false;
  for (;;) {
    if (started) onDrained();
    started = true;
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    const message = queue.shift() as ToReader;
    if ('end' in message) return;
    yield message.chunk;
  }
}
