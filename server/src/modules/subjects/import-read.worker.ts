// The reading pass of a large import in a thread of its own (ADR 0027): CSV parsing, the row checks, the search
// normalisers and the COPY text run here while the main thread feeds the database — on PGlite the database itself
// runs in the main thread, so this is what lets both cores work. Started by import-read.ts, which sends the file's
// text chunks and receives, for each chunk, the COPY text (UTF-8 bytes, ADR 0032) of its valid rows with the counts
// and the bad rows' reports.

import { parentPort, workerData } from 'node:worker_threads';
import { transferable } from './copy-text-buffer';
import { type ReadingSettings, readChunks, type ToReader } from './import-reading';

const port = parentPort;
if (port) {
  void readChunks(inbox(port), workerData as ReadingSettings, (message) =>
    // The COPY text's buffers move to the main thread instead of being copied.
    port.postMessage(
      message,
      message.type === 'error' ? [] : transferable(message.text, message.phones, message.emails),
    ),
  );
}

/** The chunks the main thread sends, until it says the file ended. */
async function* inbox(port: NonNullable<typeof parentPort>): AsyncGenerator<string> {
  const queue: ToReader[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (message: ToReader) => {
    queue.push(message);
    wake?.();
  });
  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const message = queue.shift() as ToReader;
    if ('end' in message) return;
    yield message.chunk;
  }
}
