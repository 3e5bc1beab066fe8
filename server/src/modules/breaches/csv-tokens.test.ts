import { describe, expect, it } from 'vitest';
import { csvTokens } from './csv-tokens';

describe('csvTokens', () => {
  it('tells phones, e-mails and external ids apart, skips a header and blank lines, keeps line numbers', () => {
    const csv = '\uFEFFphone\n8 (912) 345-67-89;Иванова\n\n"Maria.Ivanova@Mail.RU"\nMIS-0042\n12345';
    expect(csvTokens(csv)).toEqual([
      { line: 2, kind: 'phone', key: '79123456789' },
      { line: 4, kind: 'email', key: 'maria.ivanova@mail.ru' },
      { line: 5, kind: 'external', key: 'MIS-0042' },
      { line: 6, kind: 'external', key: '12345' },
    ]);
  });
});
