/**
 * Mends what old Russian mail clients write and the platform's decoders do not read, before the MIME parser
 * sees the bytes (a .eml is bytes; latin1 maps each byte to one character and back, so nothing else changes):
 *
 * - charset names outside the WHATWG list: «koi8r», «win-1251», «windows1251», «cp-1251» (TextDecoder would
 *   refuse them and the text would come out as mojibake);
 * - raw 8-bit headers with no RFC 2047 encoding (The Bat!, old Outlook): a Subject or From in windows-1251
 *   bytes. When the header block is not valid UTF-8 it is decoded with the charset the message declares,
 *   else windows-1251, and written back as UTF-8, which the parser reads.
 */

const CHARSET_ALIASES: Record<string, string> = {
  koi8r: 'koi8-r',
  'win-1251': 'windows-1251',
  win1251: 'windows-1251',
  windows1251: 'windows-1251',
  'cp-1251': 'windows-1251',
  'windows-1251-cyrillic': 'windows-1251',
};
const CHARSET_LABEL =
  /(charset\s*=\s*"?|=\?)(koi8r|win-?1251|windows1251|cp-1251|windows-1251-cyrillic)(?=["?;\s]|$)/gim;

export function repairRawMail(bytes: Uint8Array): Uint8Array {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const relabelled = latin1.replace(CHARSET_LABEL, (_all, lead: string, label: string) => {
    return `${lead}${CHARSET_ALIASES[label.toLowerCase()] ?? label}`;
  });
  const headerEnd = relabelled.search(/\r?\n\r?\n/);
  const head = headerEnd === -1 ? relabelled : relabelled.slice(0, headerEnd);
  const headBytes = Buffer.from(head, 'latin1');
  if (isAscii(headBytes) || isUtf8(headBytes)) {
    return relabelled === latin1 ? bytes : Buffer.from(relabelled, 'latin1');
  }
  const charset = declaredCharset(head) ?? 'windows-1251';
  const headUtf8 = Buffer.from(new TextDecoder(charset).decode(headBytes), 'utf-8');
  return Buffer.concat([headUtf8, Buffer.from(relabelled.slice(head.length), 'latin1')]);
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte < 0x80);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function declaredCharset(head: string): string | null {
  const label = /charset\s*=\s*"?([a-z0-9_.:-]+)/i.exec(head)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
