/** An ISO calendar date as Russian documents and screens write it: `2026-12-30` → `30.12.2026`. */
export function ruDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
