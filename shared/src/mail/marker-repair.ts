/**
 * OCR misreads a letter or two in a long word («персональньх», «соrласия» after look-alike mapping fails,
 * «обработкv»). The policy's marker is six known words, so a run of six words each within a small edit distance
 * of the marker's is the marker: it is rewritten to the exact wording before the rules read the text.
 * Short words must match exactly («на», «отзыв»), so «отзывы на обработку…» is not repaired into the marker.
 */

export const MARKER_WORDS = ['отзыв', 'согласия', 'на', 'обработку', 'персональных', 'данных'] as const;

// One misread letter per six, none in words shorter than six letters.
const allowedErrors = (word: string) => Math.floor(word.length / 6);

export function repairMarker(normalised: string): string {
  const words = [...normalised.matchAll(/[^\s.,!?;:()«»"]+/g)];
  let repaired = '';
  let copiedUpTo = 0;
  for (let i = 0; i + MARKER_WORDS.length <= words.length; i++) {
    const run = words.slice(i, i + MARKER_WORDS.length);
    if (!run.every((word, k) => withinDistance(word[0], MARKER_WORDS[k] as string))) continue;
    if (run.every((word, k) => word[0] === MARKER_WORDS[k])) continue;
    const first = run[0] as RegExpExecArray;
    const last = run[run.length - 1] as RegExpExecArray;
    repaired += `${normalised.slice(copiedUpTo, first.index)}${MARKER_WORDS.join(' ')}`;
    copiedUpTo = last.index + last[0].length;
    i += MARKER_WORDS.length - 1;
  }
  return repaired + normalised.slice(copiedUpTo);
}

function withinDistance(word: string, target: string): boolean {
  const limit = allowedErrors(target);
  if (Math.abs(word.length - target.length) > limit) return false;
  return levenshtein(word, target, limit) <= limit;
}

/** Edit distance, giving up (limit + 1) once every path is past the limit. */
function levenshtein(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}
