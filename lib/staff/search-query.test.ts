import { describe, expect, it } from 'vitest';
import { parseStaffQuery } from './search-query';

describe('parseStaffQuery', () => {
  it('treats digits as both a customer id and a GM number', () => {
    expect(parseStaffQuery(' 123456789 ')).toEqual({
      ok: true,
      kind: 'digits',
      customerId: '123456789',
      filters: [{ key: 'gm_number', value: '123456789' }],
      alternatives: [],
    });
  });

  it('keeps leading zeros of GM numbers, which cannot be customer ids', () => {
    expect(parseStaffQuery('000482913')).toMatchObject({ ok: true, customerId: '', filters: [{ key: 'gm_number', value: '000482913' }] });
  });

  it('recognises an email, a phone and a last name with any script and apostrophes', () => {
    expect(parseStaffQuery('tom@example.com')).toMatchObject({ kind: 'email', filters: [{ key: 'email', value: 'tom@example.com' }] });
    expect(parseStaffQuery('+33 6 23 45 67 89')).toMatchObject({ kind: 'phone', filters: [{ key: 'phones.number', value: '+33623456789' }] });
    expect(parseStaffQuery('N’Diaye')).toMatchObject({ kind: 'last_name', filters: [{ key: 'last_name', value: 'N’Diaye' }] });
    expect(parseStaffQuery('李')).toMatchObject({ kind: 'last_name' });
  });

  it('finds a phone however it was stored: E.164 or national digits, typed either way', () => {
    const both = [[{ key: 'phones.number', value: '0623456789' }]];
    expect(parseStaffQuery('+33 6 23 45 67 89')).toMatchObject({ kind: 'phone', filters: [{ key: 'phones.number', value: '+33623456789' }], alternatives: both });
    expect(parseStaffQuery('06 23 45 67 89')).toMatchObject({ kind: 'phone', filters: [{ key: 'phones.number', value: '+33623456789' }], alternatives: both });
    expect(parseStaffQuery('0623456789')).toMatchObject({
      kind: 'digits',
      filters: [{ key: 'gm_number', value: '0623456789' }],
      alternatives: [[{ key: 'phones.number', value: '+33623456789' }], [{ key: 'phones.number', value: '0623456789' }]],
    });
  });

  it("finds O'Brien and N’Diaye whichever apostrophe is typed", () => {
    expect(parseStaffQuery("N'Diaye")).toMatchObject({ alternatives: [[{ key: 'last_name', value: 'N’Diaye' }]] });
    expect(parseStaffQuery('O’Brien')).toMatchObject({ alternatives: [[{ key: 'last_name', value: "O'Brien" }]] });
  });

  it('refuses empty, oversized and filter-injection input with a message', () => {
    expect(parseStaffQuery('   ')).toMatchObject({ ok: false });
    expect(parseStaffQuery('x'.repeat(300))).toMatchObject({ ok: false });
    expect(parseStaffQuery('smith&filter=email==a@b')).toMatchObject({ ok: false });
    expect(parseStaffQuery('a@')).toMatchObject({ ok: false });
  });
});
