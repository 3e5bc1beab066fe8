/**
 * The few lines of ustar a backup needs: regular files only, names < 100 bytes. A plain tar keeps the
 * archive inspectable with standard tools (`tar -xOf copy.tar manifest.json`) without a dependency.
 */
const BLOCK = 512;

export type TarEntry = { name: string; data: Uint8Array };

export function writeTar(entries: TarEntry[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry.name, entry.data.length, mtime), Buffer.from(entry.data));
    const pad = padding(entry.data.length);
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** Where the next entry starts, or why there is none: a short file and a damaged header are told apart. */
export type TarRead =
  | { kind: 'entry'; name: string; size: number; dataStart: number; next: number }
  | { kind: 'end' }
  | { kind: 'truncated'; needed: number }
  | { kind: 'bad-header' };

export function readTarEntry(archive: Buffer, offset: number): TarRead {
  if (archive.length < offset + BLOCK) return { kind: 'truncated', needed: offset + BLOCK };
  const block = archive.subarray(offset, offset + BLOCK);
  if (block.every((b) => b === 0)) return { kind: 'end' };
  const stored = Number.parseInt(field(block, 148, 8), 8);
  if (stored !== checksum(block) || field(block, 257, 5) !== 'ustar') return { kind: 'bad-header' };
  const size = Number.parseInt(field(block, 124, 12), 8);
  if (!Number.isSafeInteger(size) || size < 0) return { kind: 'bad-header' };
  const dataStart = offset + BLOCK;
  return { kind: 'entry', name: field(block, 0, 100), size, dataStart, next: dataStart + size + padding(size) };
}

export function tarSize(sizes: number[]): number {
  return sizes.reduce((sum, size) => sum + BLOCK + size + padding(size), BLOCK * 2);
}

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write('0000600\0', 100); // mode: owner-only, like the data it holds
  block.write('0000000\0', 108); // uid
  block.write('0000000\0', 116); // gid
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write(
    `${Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
  );
  block.write('0', 156); // regular file
  block.write('ustar\u000000', 257);
  block.write(`${checksum(block).toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** The header's checksum is computed with its own field read as spaces. */
function checksum(block: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length).toString('utf8');
  const end = raw.indexOf('\0');
  return (end === -1 ? raw : raw.slice(0, end)).trim();
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
