import { describe, expect, it } from 'vitest';
import { detectFileKind, FileKindSniffer } from './file-kind';

describe('file kind by content', () => {
  it('reads magic bytes, never the name', () => {
    expect(detectFileKind(Buffer.from('%PDF-1.4\n'))).toBe('pdf');
    expect(detectFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(detectFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectFileKind(Buffer.from('II*\0rest'))).toBe('tiff');
    expect(detectFileKind(Buffer.from('MM\0*rest'))).toBe('tiff');
    expect(detectFileKind(Buffer.from('PK\x03\x04....word/document.xml'))).toBe('docx');
    expect(detectFileKind(Buffer.from('PK\x03\x04....other.txt'))).toBeNull();
    expect(detectFileKind(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectFileKind(Buffer.alloc(0))).toBeNull();
  });

  it('finds the DOCX entry split across chunks, and a signature split across the first chunks', () => {
    const docx = Buffer.from(`PK\x03\x04${'x'.repeat(1000)}word/document.xml${'y'.repeat(1000)}`);
    const sniffer = new FileKindSniffer();
    const cut = docx.indexOf('document.xml');
    sniffer.feed(docx.subarray(0, 2));
    sniffer.feed(docx.subarray(2, cut));
    sniffer.feed(docx.subarray(cut));
    expect(sniffer.kind()).toBe('docx');

    const zip = new FileKindSniffer();
    zip.feed(Buffer.from(`PK\x03\x04${'x'.repeat(100)}`));
    zip.feed(Buffer.from('content.xml'));
    expect(zip.kind()).toBeNull();
  });
});
