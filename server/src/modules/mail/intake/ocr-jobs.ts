import { detectWithdrawal } from '@pd-desk/shared/mail/withdrawal-wording';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { mailItems, mailScans } from '../../../db/schema/mail';
import type { FileStore } from '../../files/file-store';
import { ocrAvailability } from '../ocr/ocr-tools';
import { type RecognisedLetter, recogniseLetter } from '../ocr/recognise-letter';

export type OcrEngine = {
  available: () => Promise<{ available: boolean; reason?: string }>;
  recognise: (
    input: { path: string; mimeType: string },
    onProgress?: (fraction: number) => void,
  ) => Promise<RecognisedLetter>;
};

export const tesseractEngine: OcrEngine = { available: ocrAvailability, recognise: recogniseLetter };

/** Progress is written at most this often: the registrar sees it move, the database is not flooded. */
const PROGRESS_STEP = 0.1;

async function nextScan(db: Db) {
  const [scan] = await db
    .select({ id: mailScans.id, sha256: mailScans.sha256, mimeType: mailScans.mimeType, itemId: mailScans.itemId })
    .from(mailScans)
    .where(sql`${mailScans.ocrStatus} in ('queued', 'running')`)
    .orderBy(asc(mailScans.id))
    .limit(1);
  return scan ?? null;
}

/** The letter's searchable text is every scan's text; refreshed whenever one of its scans is read. */
export async function refreshItemText(tx: Db | Tx, itemId: number): Promise<void> {
  await tx
    .update(mailItems)
    .set({
      ocrText: sql`(select string_agg(${mailScans.ocrText}, E'\n\n' order by ${mailScans.id}) from ${mailScans}
        where ${mailScans.itemId} = ${itemId} and ${mailScans.ocrText} is not null)`,
      updatedAt: new Date(),
    })
    .where(eq(mailItems.id, itemId));
}

/**
 * Reads queued scans one at a time, in the server process (tesseract runs as a child process, so the
 * event loop stays free). State lives in mail_scans: a restart picks up queued and interrupted scans.
 * Without an OCR engine every queued scan becomes `unavailable` and the registrar types by hand.
 */
export class MailOcrRunner {
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly store: FileStore,
    private readonly engine: OcrEngine = tesseractEngine,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  kick(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (let scan = await nextScan(this.db); scan; scan = await nextScan(this.db)) {
      const { available } = await this.engine.available();
      if (!available) {
        await this.db
          .update(mailScans)
          .set({ ocrStatus: 'unavailable', updatedAt: new Date() })
          .where(sql`${mailScans.ocrStatus} in ('queued', 'running')`);
        return;
      }
      await this.read(scan);
    }
  }

  private async read(scan: NonNullable<Awaited<ReturnType<typeof nextScan>>>): Promise<void> {
    await this.db
      .update(mailScans)
      .set({ ocrStatus: 'running', ocrProgress: 0, updatedAt: new Date() })
      .where(eq(mailScans.id, scan.id));
    let shown = 0;
    const progress = (fraction: number) => {
      if (fraction - shown < PROGRESS_STEP || fraction >= 1) return;
      shown = fraction;
      void this.db.update(mailScans).set({ ocrProgress: fraction }).where(eq(mailScans.id, scan.id));
    };
    try {
      const letter = await this.engine.recognise(
        { path: this.store.pathOf(scan.sha256), mimeType: scan.mimeType },
        progress,
      );
      await this.db.transaction(async (tx) => {
        const [saved] = await tx
          .update(mailScans)
          .set({
            ocrStatus: 'done',
            ocrProgress: 1,
            ocrText: letter.text,
            ocrFields: letter.fields,
            ocrWithdrawal: letter.withdrawal,
            ocrScope: detectWithdrawal(letter.text).scope,
            updatedAt: new Date(),
          })
          .where(eq(mailScans.id, scan.id))
          .returning({ itemId: mailScans.itemId });
        if (saved?.itemId) await refreshItemText(tx, saved.itemId);
      });
    } catch (error) {
      this.onError(error);
      await this.db
        .update(mailScans)
        .set({ ocrStatus: 'failed', updatedAt: new Date() })
        .where(eq(mailScans.id, scan.id));
    }
  }
}

// The server's runner, so an upload starts reading at once; tests drive their own.
let serverRunner: MailOcrRunner | null = null;

export function setMailOcrRunner(runner: MailOcrRunner | null): void {
  serverRunner = runner;
}

export function kickMailOcr(): void {
  void serverRunner?.kick();
}
