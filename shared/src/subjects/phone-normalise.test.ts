import { describe, expect, it } from 'vitest';
import { formatPhone, formatPhoneForDisplay, maskPhone, normalisePhone, phoneFragment } from './phone-normalise';

describe('normalisePhone', () => {
  it.each([
    '+7 912 345-67-89',
    '+79123456789',
    '89123456789',
    '8 (912) 345-67-89',
    '8-912-345-67-89',
    '+7 (912) 345-67-89',
    '+7(912)345-67-89',
    '9123456789',
    '912 345 67 89',
    '8 912 345 67 89',
    '7 912 345 67 89',
    '+7-912-345-67-89',
    '8.912.345.67.89',
    ' 8 912 345–67–89 ',
  ])('%s → 79123456789', (text) => {
    expect(normalisePhone(text)).toBe('79123456789');
  });

  it('accepts landlines, 800 numbers and Kazakhstan', () => {
    expect(normalisePhone('8 (343) 123-45-67')).toBe('73431234567');
    expect(normalisePhone('8 800 555-35-35')).toBe('78005553535');
    expect(normalisePhone('+7 701 123 45 67')).toBe('77011234567');
  });

  it.each([
    '',
    '123-45-67',
    '4567',
    '+375 29 123-45-67',
    '1234567890',
    '5123456789',
    '89123456789012',
    '69123456789',
    '+7 912 345 67 89 доб. 12',
    '8 912 345 67 8x',
    '8+9123456789',
  ])('%s → null', (text) => {
    expect(normalisePhone(text)).toBeNull();
  });
});

describe('phoneFragment', () => {
  it('keeps 4 to 9 digits of a tail', () => {
    expect(phoneFragment('4567')).toBe('4567');
    expect(phoneFragment('45-67')).toBe('4567');
    expect(phoneFragment('345-67-89')).toBe('3456789');
    expect(phoneFragment('912 345 67 8')).toBe('912345678');
  });

  it('rejects shorter, longer and non-digit input', () => {
    expect(phoneFragment('567')).toBeNull();
    expect(phoneFragment('9123456789')).toBeNull();
    expect(phoneFragment('45a7')).toBeNull();
    expect(phoneFragment('+4567')).toBeNull();
    expect(phoneFragment('')).toBeNull();
  });
});

describe('formatPhone and maskPhone', () => {
  it('format a canonical number', () => {
    expect(formatPhone('79123456789')).toBe('+7 912 345-67-89');
    expect(maskPhone('79123456789')).toBe('+7 ••• •••-67-89');
  });

  it('return a non-canonical value as it is, or masked but for the last two digits', () => {
    expect(formatPhone('123-45')).toBe('123-45');
    expect(maskPhone('123-45')).toBe('•••-45');
    expect(maskPhone('')).toBe('');
  });
});

describe('formatPhoneForDisplay', () => {
  it('shows every spelling of a +7 number in the one display form', () => {
    expect(formatPhoneForDisplay('89025503689')).toBe('+7 902 550-36-89');
    expect(formatPhoneForDisplay('+79025503689')).toBe('+7 902 550-36-89');
    expect(formatPhoneForDisplay('79025503689')).toBe('+7 902 550-36-89');
    expect(formatPhoneForDisplay('9025503689')).toBe('+7 902 550-36-89');
    expect(formatPhoneForDisplay('8 (343) 123-45-67')).toBe('+7 343 123-45-67');
  });

  it('shows foreign and unrecognised numbers as entered', () => {
    expect(formatPhoneForDisplay('+49 30 1234567')).toBe('+49 30 1234567');
    expect(formatPhoneForDisplay('12-34')).toBe('12-34');
    expect(formatPhoneForDisplay('доб. 123')).toBe('доб. 123');
    expect(formatPhoneForDisplay('')).toBe('');
  });
});
