/** What the store recognises by content; callers decide which kinds they accept. */
export const FILE_KINDS = ['pdf', 'png', 'jpeg', 'tiff', 'docx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const HEAD_BYTES = 8;
const DOCX_ENTRY = Buffer.from('word/document.xml');

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * The type comes from the content (magic bytes), never from the name: a renamed .exe stays out.
 * DOCX is a ZIP whose entry names (stored uncompressed) include word/document.xml, anywhere in the
 * file — so the sniffer sees every chunk of a stream, keeping only the head and a marker-sized tail.
 */
export class FileKindSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private sawDocxEntry = false;

  feed(chunk: Uint8Array): void {
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    }
    if (this.sawDocxEntry) return;
    // The tail carries a marker split between two chunks over to the next one.
    const window = Buffer.concat([this.tail, chunk]);
    this.sawDocxEntry = window.includes(DOCX_ENTRY);
    this.tail = window.subarray(Math.max(0, window.length - (DOCX_ENTRY.length - 1)));
  }

  kind(): FileKind | null {
    const head = this.head;
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
    if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
    if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
    if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && this.sawDocxEntry) return 'docx';
    return null;
  }
}

export function detectFileKind(bytes: Uint8Array): FileKind | null {
  const sniffer = new FileKindSniffer();
  sniffer.feed(bytes);
  return sniffer.kind();
}
