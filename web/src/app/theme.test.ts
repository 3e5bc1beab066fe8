import { describe, expect, it } from 'vitest';
import { ACCESSIBLE_COLORS } from './theme';

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours, 1…21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const WHITE = '#ffffff';
/** What text sits on: white, striped rows (gray 0), hovered rows (gray 1), grey panels (gray 2). */
const BACKGROUNDS = [WHITE, ...ACCESSIBLE_COLORS.gray.slice(0, 3)];
/** Normal text needs 4.5:1 (WCAG 1.4.3); the focus ring and other non-text UI 3:1 (1.4.11). */
const TEXT = 4.5;

describe('the theme colours people read', () => {
  for (const [name, shades] of Object.entries(ACCESSIBLE_COLORS)) {
    it(`${name}: text shades 6–9 read at 4.5:1 on white and on the light greys of rows and panels`, () => {
      const textShades = name === 'gray' ? [shades[6]] : shades.slice(6);
      for (const shade of textShades) {
        for (const background of BACKGROUNDS) {
          expect(contrast(shade, background), `${name} ${shade} on ${background}`).toBeGreaterThanOrEqual(TEXT);
        }
      }
    });
  }

  it('white text on a filled button (shade 6) and on its hover (7) reads at 4.5:1', () => {
    for (const [name, shades] of Object.entries(ACCESSIBLE_COLORS)) {
      if (name === 'gray') continue;
      expect(contrast(WHITE, shades[6]), name).toBeGreaterThanOrEqual(TEXT);
      expect(contrast(WHITE, shades[7]), name).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('light badges and alerts (shade 9 on shade 1) read at 4.5:1', () => {
    for (const [name, shades] of Object.entries(ACCESSIBLE_COLORS)) {
      expect(contrast(shades[9], shades[1]), name).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('the dimmed grey was 3.3:1 and is now above 5.5:1 on white', () => {
    expect(contrast('#868e96', WHITE)).toBeLessThan(3.4);
    expect(contrast(ACCESSIBLE_COLORS.gray[6], WHITE)).toBeGreaterThan(5.5);
  });
});
