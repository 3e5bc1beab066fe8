// The COPY text buffer gives exactly the UTF-8 of the lines written, across growth, and pieces that can be moved to
// another thread (ADR 0032).
import { describe, expect, it } from 'vitest';
import { CopyTextBuffer, transferable } from './copy-text-buffer';

describe('CopyTextBuffer', () => {
  it('gives the UTF-8 bytes of the lines written since the last take, however many and however long', () => {
    const buffer = new CopyTextBuffer();
    const lines = Array.from({ length: 5_000 }, (_, i) => `${i}\tИванова\t${'я'.repeat(i % 97)}\t😀\\N\n`);
    for (const line of lines.slice(0, 4_000)) buffer.write(line);
    expect(Buffer.from(buffer.take()).toString('utf8')).toBe(lines.slice(0, 4_000).join(''));
    for (const line of lines.slice(4_000)) buffer.write(line);
    expect(Buffer.from(buffer.take()).equals(Buffer.from(lines.slice(4_000).join(''), 'utf8'))).toBe(true);
    expect(buffer.take().byteLength).toBe(0);
  });

  it('gives each piece an ArrayBuffer of its own, which a transfer leaves the next pieces untouched by', () => {
    const buffer = new CopyTextBuffer();
    buffer.write('1\tа\n');
    const first = buffer.take();
    buffer.write('2\tб\n');
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(first, transferable(first, new Uint8Array(0)));
    port1.close();
    port2.close();
    expect(first.byteLength).toBe(0);
    expect(Buffer.from(buffer.take()).toString('utf8')).toBe('2\tб\n');
  });
});
