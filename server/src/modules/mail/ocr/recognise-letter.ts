// TEMPORARY stub of h11-ocr's contract (replaced by the merge of h11-ocr).
import type { LetterFields } from '@pd-desk/shared/mail/letter-fields';

export type RecognisedLetter = { text: string; fields: LetterFields; withdrawal: boolean };

export async function recogniseLetter(
  _input: { path: string; mimeType: string },
  _onProgress?: (fraction: number) => void,
): Promise<RecognisedLetter> {
  throw new Error('OCR stub');
}
