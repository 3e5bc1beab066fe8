import { createTheme, type MantineColorsTuple } from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * Mantine's palettes with shades 6–9 darkened along their own hue (lighter shades, used for backgrounds and
 * borders, are Mantine's). Shade 6 is the filled button, the focus ring, links and `c="red"` text; 9 is the text of
 * light badges and alerts; 7 and 8 are written by hand (`c="teal.8"`). Each reaches WCAG AA for text on white and on
 * the greys of striped, hovered and selected-free rows (gray 0–2): on white 6 ≥ 5.5:1, 7 ≥ 6.4:1, 8 ≥ 7.4:1,
 * 9 ≥ 8.7:1; on gray 2 at least 4.6:1 (theme.test.ts computes them). Grey 6 is the «dimmed» text (Mantine's #868e96
 * read at 3.3:1), darkened to 6:1 on white, 5:1 on gray 2.
 */
export const ACCESSIBLE_COLORS = {
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0c7757', '#086b4d', '#066044', '#05553d'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#d40606', '#bd0f0f', '#a61919', '#901e1e'],
  orange: [
    '#fff4e6',
    '#ffe8cc',
    '#ffd8a8',
    '#ffc078',
    '#ffa94d',
    '#ff922b',
    '#aa4e01',
    '#9e4204',
    '#933808',
    '#852c09',
  ],
  yellow: [
    '#fff9db',
    '#fff3bf',
    '#ffec99',
    '#ffe066',
    '#ffd43b',
    '#fcc419',
    '#8a6103',
    '#835500',
    '#7c4800',
    '#743c00',
  ],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#287836', '#216c2f', '#1d612a', '#1b5526'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#156bb6', '#1560a3', '#135693', '#124c82'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#a828c9', '#9430ac', '#822d97', '#732786'],
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5c636a', '#495057', '#343a40', '#212529'],
} satisfies Record<string, MantineColorsTuple>;

/**
 * Dense admin screens: small default sizes, a calm teal for a medical context. Built per language: the texts Mantine
 * draws itself (the password eye's and every dialog's close button's names) come from the dictionaries like every
 * other word, set here once for all dialogs.
 */
export function appTheme(t: TFunction) {
  const close = { 'aria-label': t('close') };
  return createTheme({
    primaryColor: 'teal',
    colors: ACCESSIBLE_COLORS,
    defaultRadius: 'sm',
    fontFamily: 'Inter, "Segoe UI", Roboto, Arial, sans-serif',
    components: {
      TextInput: { defaultProps: { size: 'sm' } },
      Button: { defaultProps: { size: 'sm' } },
      // The eye is a Tab stop: someone on the keyboard also needs to check what they typed.
      PasswordInput: {
        defaultProps: {
          visibilityToggleFocusable: true,
          visibilityToggleButtonProps: { 'aria-label': t('passwordVisibility') },
        },
      },
      // Every cross that closes something, and every cross that empties a field, says which it does.
      CloseButton: { defaultProps: close },
      InputClearButton: { defaultProps: { 'aria-label': t('clearValue') } },
      // Mantine's focus placeholder is a focusable div inside role=menu, which a menu may not contain (axe: critical).
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
      Modal: { defaultProps: { closeButtonProps: close } },
      Drawer: { defaultProps: { closeButtonProps: close } },
      Notification: { defaultProps: { closeButtonProps: close } },
      Alert: { defaultProps: { closeButtonLabel: t('close') } },
    },
  });
}
