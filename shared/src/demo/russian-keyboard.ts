// The Russian ЙЦУКЕН keyboard as it sits on the same physical keys as US QWERTY. It explains two real kinds of bad
// input: text typed with the wrong layout switched on («bdfyjdf» for «иванова») and slips onto a neighbouring key.

const RU_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'] as const;
const EN_ROWS = ['qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,.'] as const;
// Shifted keys for capital letters: Х is on {, Ж on :, Б on <.
const EN_SHIFTED_ROWS = ['QWERTYUIOP{}', 'ASDFGHJKL:"', 'ZXCVBNM<>'] as const;

const WRONG_LAYOUT = new Map<string, string>([
  ['ё', '`'],
  ['Ё', '~'],
]);
RU_ROWS.forEach((row, r) => {
  [...row].forEach((ru, c) => {
    WRONG_LAYOUT.set(ru, EN_ROWS[r]?.charAt(c) ?? ru);
    WRONG_LAYOUT.set(ru.toUpperCase(), EN_SHIFTED_ROWS[r]?.charAt(c) ?? ru);
  });
});

/** What appears on screen when Russian text is typed while the English layout is on. */
export function toWrongLayout(text: string): string {
  let out = '';
  for (const ch of text) out += WRONG_LAYOUT.get(ch) ?? ch;
  return out;
}

// Rows are staggered to the right going down, so the key at (row, col) touches (row-1, col), (row-1, col+1),
// (row+1, col-1) and (row+1, col), besides its left and right neighbours.
const NEIGHBOURS = new Map<string, readonly string[]>();
RU_ROWS.forEach((row, r) => {
  [...row].forEach((key, c) => {
    const around: Array<[number, number]> = [
      [r, c - 1],
      [r, c + 1],
      [r - 1, c],
      [r - 1, c + 1],
      [r + 1, c - 1],
      [r + 1, c],
    ];
    NEIGHBOURS.set(
      key,
      around.map(([rr, cc]) => RU_ROWS[rr]?.charAt(cc) ?? '').filter((k) => k !== ''),
    );
  });
});

/** Lower-case Cyrillic letters on the keys around `letter` (ё has none: it sits alone in the corner). */
export function neighbourKeys(letter: string): readonly string[] {
  return NEIGHBOURS.get(letter.toLowerCase()) ?? [];
}
