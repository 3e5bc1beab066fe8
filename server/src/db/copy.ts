// COPY … FROM text: the database's own bulk path, on either engine. PostgreSQL streams the text over the session's
// connection (pg-copy-streams, with backpressure); PGlite takes COPY input as a blob, so the text is sent as blobs of
// a few megabytes, each its own COPY, split only between the pieces the source yields (keep those whole lines).

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { DatabaseSession } from './client';

/** Characters per PGlite COPY: memory stays flat, and the calls are few. */
const PGLITE_BLOB_CHARS = 4 << 20;

/**
 * `copy ${into} from … ${options}` fed with `text`. `into` and `options` are SQL written by the caller, never input.
 * On PGlite an option that reads the start of the input (`header true`) needs the input as one piece.
 */
export async function copyFrom(
  session: DatabaseSession,
  into: string,
  text: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options = '',
): Promise<void> {
  if (session.kind === 'postgres') {
    await pipeline(Readable.from(text), session.client.query(copyFromStdin(`copy ${into} from stdin ${options}`)));
    return;
  }
  const statement = `copy ${into} from '/dev/blob' ${options}`;
  let parts: (string | Uint8Array<ArrayBuffer>)[] = [];
  let size = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    await session.pglite.query(statement, [], { blob });
  };
  for await (const part of text) {
    // A Buffer may sit on a shared pool's ArrayBuffer; Blob wants its own bytes (a string is taken as it is).
    parts.push(typeof part === 'string' ? part : new Uint8Array(part));
    size += part.length;
    if (size >= PGLITE_BLOB_CHARS) await flush();
  }
  await flush();
}
