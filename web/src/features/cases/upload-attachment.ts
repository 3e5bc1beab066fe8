import { paths } from '../../config/paths';
import { CSRF_HEADER } from '../../lib/trpc';

export type UploadedAttachment = { id: number; mimeType: string; sizeBytes: number };

/** `serverMessage`: the server's words for people; null when the server was not reached. */
export class UploadError extends Error {
  constructor(readonly serverMessage: string | null) {
    super(serverMessage ?? 'upload failed');
  }
}

/**
 * Sends the file as a multipart form (the fields before the file: the server checks them before
 * storing a byte). XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadAttachment(
  input: { caseId: number; file: File; description?: string },
  onProgress: (fraction: number) => void,
): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('caseId', String(input.caseId));
  if (input.description) form.append('description', input.description);
  form.append('file', input.file, input.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', paths.attachmentUpload.href());
    for (const [name, value] of Object.entries(CSRF_HEADER)) request.setRequestHeader(name, value);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (UploadedAttachment & { error?: string }) | null;
      if (request.status === 201 && body) resolve(body);
      else reject(new UploadError(body?.error ?? null));
    };
    request.onerror = () => reject(new UploadError(null));
    request.send(form);
  });
}
