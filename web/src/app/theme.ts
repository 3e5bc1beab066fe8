import { createTheme, type MantineColorsTuple } from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * Mantine's palettes with shades 6–9 darkened along their own hue (lighter shades, used for backgrounds and
 * borders, are Mantine's). Shade 6 is the filled button, the focus ring, links and `c="red"` text; 9 is the text of
 * light badges and alerts; 7 and 8 are written by hand (`c="teal.8"`). Each reaches WCAG AA for text on white and on
 * the light grey of panels: 6 ≥ 4.8:1, 7 ≥ 5.6:1, 8 ≥ 6.5:1, 9 ≥ 7.6:1 (theme.test.ts computes them). Grey 6 is the
 * «dimmed» text (Mantine's #868e96 read at 3.3:1), darkened to 6:1 so it stays readable on tinted rows too.
 */
export const ACCESSIBLE_COLORS = {
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0d805d', '#087454', '#066749', '#065b41'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#e40707', '#ca1010', '#b41b1b', '#9b2020'],
  orange: [
    '#fff4e6',
    '#ffe8cc',
    '#ffd8a8',
    '#ffc078',
    '#ffa94d',
    '#ff922b',
    '#b65402',
    '#aa4705',
    '#9d3c08',
    '#91300a',
  ],
  yellow: [
    '#fff9db',
    '#fff3bf',
    '#ffec99',
    '#ffe066',
    '#ffd43b',
    '#fcc419',
    '#936803',
    '#8c5b00',
    '#854e00',
    '#7d4100',
  ],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#2b813a', '#247432', '#1f692d', '#1c5b29'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1673c4', '#1767b0', '#155da0', '#14528c'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#b42fd5', '#9e33b8', '#8d31a3', '#7c2b90'],
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
      Modal: { defaultProps: { closeButtonProps: close } },
      Drawer: { defaultProps: { closeButtonProps: close } },
      Notification: { defaultProps: { closeButtonProps: close } },
      Alert: { defaultProps: { closeButtonLabel: t('close') } },
    },
  });
}
