// TEMPORARY stub of h11-ocr's contract (replaced by the merge of h11-ocr).
export async function ocrAvailability(): Promise<{ available: boolean; reason?: string }> {
  return { available: false, reason: 'stub' };
}
