import { describe, expect, it } from 'vitest';
import { repairMarker } from './marker-repair';
import { detectWithdrawal } from './withdrawal-wording';

const EXACT = 'отзыв согласия на обработку персональных данных';

describe('repairMarker: the marker as OCR reads it', () => {
  it.each([
    'отзыв согласия на обработку персональньх данных',
    'отзыв соглaсия на обработку персональных даннык',
    'отзыв согласия на обработкy персоналных данных',
    'отзыв согласия на обработку персональньх\nданных',
  ])('«%s» becomes the marker', (text) => {
    expect(repairMarker(text)).toBe(EXACT);
  });

  it('keeps the text around it', () => {
    expect(repairMarker('тема: отзыв согласия на обработку персональньх данных. я, иванова')).toBe(
      `тема: ${EXACT}. я, иванова`,
    );
  });

  it.each([
    ['a wrong short word', 'отзыв согласия по обработку персональных данных'],
    ['a plural', 'отзывы согласия на обработку персональных данных'],
    ['two errors in a short word', 'отзыв соглосея на обработку персональных данных'],
    ['other words', 'прошу прекратить обработку моих персональных данных'],
  ])('leaves %s alone', (_label, text) => {
    expect(repairMarker(text)).toBe(text);
  });

  it('lets detectWithdrawal find an OCR-damaged marker', () => {
    expect(detectWithdrawal('ОТЗЫВ СОГЛАСИЯ НА ОБРАБОТКУ ПЕРСОНАЛЬНЬХ ДАННЫХ\nИванова М. П.')).toEqual({
      withdrawal: true,
      marker: true,
      scope: 'all',
    });
  });
});
