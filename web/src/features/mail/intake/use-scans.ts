import type { OcrStatus } from '@pd-desk/shared/mail/mail-model';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/server-messages';
import { CSRF_HEADER, useTRPC } from '../../../lib/trpc';

export type Scan = { id: number; fileName: string; pageCount: number; mimeType: string };

/** Sends one scan as a multipart form to the file route (bytes never pass through tRPC). */
export async function uploadScan(file: File): Promise<Scan> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(paths.mailScanUpload.href(), { method: 'POST', body: form, headers: CSRF_HEADER });
  const body = (await response.json().catch(() => null)) as (Scan & { error?: string }) | null;
  if (response.status !== 201 || !body) throw new Error(body?.error ?? 'upload failed');
  return body;
}

const SETTLED: readonly OcrStatus[] = ['done', 'failed', 'unavailable'];

/**
 * The scans of the letter being entered: upload (drop, picker, scanner folder), OCR progress polled once a
 * second while any is being read, and the merged prefill fetched once all are read.
 */
export function useLetterScans() {
  const trpc = useTRPC();
  const [scans, setScans] = useState<Scan[]>([]);
  const [error, setError] = useState<string | null>(null);
  const ids = scans.map((s) => s.id);

  const status = useQuery({
    ...trpc.mail.intake.scanStatus.queryOptions({ ids }),
    enabled: ids.length > 0,
    refetchInterval: (query) =>
      query.state.data?.every((s) => SETTLED.includes(s.ocrStatus)) && query.state.data.length === ids.length
        ? false
        : 1000,
  });
  const rows = status.data ?? [];
  const settled = ids.length > 0 && rows.length === ids.length && rows.every((s) => SETTLED.includes(s.ocrStatus));
  const anyRead = rows.some((s) => s.ocrStatus === 'done');
  const prefill = useQuery({
    ...trpc.mail.intake.scanPrefill.queryOptions({ ids }),
    enabled: settled && anyRead,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const upload = useMutation({
    mutationFn: uploadScan,
    onSuccess: (scan) => setScans((list) => [...list, scan]),
    onError: (e: Error) => setError(errorText(e)),
  });
  const takeFromScanner = useMutation({
    ...trpc.mail.intake.takeScannerFile.mutationOptions(),
    onSuccess: (scan) => setScans((list) => [...list, scan]),
    onError: (e) => setError(errorText(e)),
  });

  const addFiles = useCallback(
    (files: readonly File[]) => {
      setError(null);
      for (const file of files) upload.mutate(file);
    },
    [upload],
  );
  const remove = (id: number) => setScans((list) => list.filter((s) => s.id !== id));
  const reset = () => {
    setScans([]);
    setError(null);
  };

  const progress = rows.length ? rows.reduce((sum, s) => sum + s.ocrProgress, 0) / rows.length : 0;
  const overall: OcrStatus =
    ids.length === 0
      ? 'none'
      : !settled
        ? rows.some((s) => s.ocrStatus === 'running')
          ? 'running'
          : 'queued'
        : anyRead
          ? 'done'
          : (rows[0]?.ocrStatus ?? 'failed');

  return {
    scans,
    ids,
    addFiles,
    takeFromScanner: (name: string) => {
      setError(null);
      takeFromScanner.mutate({ name });
    },
    remove,
    reset,
    busy: upload.isPending || takeFromScanner.isPending,
    error,
    ocr: { status: overall, progress },
    prefill: prefill.data ?? null,
  };
}
