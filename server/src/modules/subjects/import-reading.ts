// The reading pass of an import (ADR 0022, 0027): CSV records → checked rows → the COPY text of the valid ones, with
// the counts, the bad rows' reports and the name words, reported per chunk of the file. Runs in the reading thread
// (import-read.worker.ts) for a large file, in the main thread for a small one (import-read.ts).

import { NAME_ROLE } from '../../db/schema/subjects';
import { CopyTextBuffer } from './copy-text-buffer';
import { type RegistryIds, writeRegistryLines } from './import-registry-text';
import { type CheckedRow, ImportFileError, type ImportProblem, RowChecker } from './import-rows';
import { copyLine } from './import-staging';
import { NameWords } from './search-index';

export type ReadingSettings = {
  today: string;
  skipInvalid: boolean;
  maxProblems: number;
  /**
   * Set when the rows go straight into an empty registry (ADR 0031): the first ids to give, and the text is then
   * the subjects' COPY text, with the contacts' in `phones` and `emails`. Unset: the staging table's text.
   */
  firstIds?: RegistryIds;
};

/** Main → worker: the next chunk of the file, or its end. */
export type ToReader = { chunk: string } | { end: true };

/** Worker → main: what one chunk gave (`piece`), the rest and the name words (`end`), or why it stopped (`error`). */
export type FromReader =
  | ({ type: 'piece' } & ReadingDelta)
  | ({ type: 'end'; words: Map<string, number> } & ReadingDelta)
  | { type: 'error'; fileError: boolean; message: string };

type ReadingDelta = {
  /** COPY text (UTF-8) of the valid rows to stage (empty once a bad row stops staging). */
  text: Uint8Array<ArrayBuffer>;
  /** Straight into the registry: COPY text of their phones and e-mails (empty otherwise). */
  phones: Uint8Array<ArrayBuffer>;
  emails: Uint8Array<ArrayBuffer>;
  /** Totals so far. */
  rows: number;
  invalidRows: number;
  /** Bad rows' reports since the previous message (at most maxProblems over the whole file). */
  problems: ImportProblem[];
};

/**
 * The reading pass over `chunks`, here or in the main thread (a small file): `post` gets one `piece` per chunk, once
 * every record it completes is checked, and the `end` or an `error`.
 */
export async function readChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  { today, skipInvalid, maxProblems, firstIds }: ReadingSettings,
  post: (message: FromReader) => void,
) {
  const words = new NameWords();
  const nextIds = firstIds ? { ...firstIds } : null;
  const out = { subjects: new CopyTextBuffer(), phones: new CopyTextBuffer(), emails: new CopyTextBuffer() };
  let rows = 0;
  let invalidRows = 0;
  let kept = 0;
  let problems: ImportProblem[] = [];
  const delta = (): ReadingDelta => {
    const text = out.subjects.take();
    const taken = { text, phones: out.phones.take(), emails: out.emails.take(), rows, invalidRows, problems };
    problems = [];
    return taken;
  };
  const take = (checked: CheckedRow) => {
    rows++;
    if ('problems' in checked) {
      invalidRows++;
      for (const p of checked.problems) if (kept++ < maxProblems) problems.push(p);
    } else if (invalidRows === 0 || skipInvalid) {
      words.addWord(checked.words.last, NAME_ROLE.last);
      words.addWord(checked.words.first, NAME_ROLE.first);
      words.addWord(checked.words.middle, NAME_ROLE.middle);
      if (nextIds) writeRegistryLines(checked.row, nextIds, out);
      else out.subjects.write(copyLine(checked.row));
    }
  };
  const checker = new RowChecker(today);
  try {
    for await (const chunk of chunks) {
      for (const checked of checker.push(chunk)) take(checked);
      post({ type: 'piece', ...delta() });
    }
    for (const checked of checker.end()) take(checked);
    post({ type: 'end', words: words.roles, ...delta() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', fileError: error instanceof ImportFileError, message });
  }
}
