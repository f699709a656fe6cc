import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, textLength } from './normalize';

describe('normalizeText', () => {
  it('returns null for null, undefined, empty and blank values', () => {
    expect(normalizeText(null)).toBeNull();
    expect(normalizeText(undefined)).toBeNull();
    expect(normalizeText('')).toBeNull();
    expect(normalizeText(' \t\r\n ')).toBeNull();
  });

  it('N4: trims ASCII spaces and an NBSP', () => {
    expect(normalizeText('  Aoife ')).toBe('Aoife');
    expect(normalizeText('Aoife\u00A0')).toBe('Aoife');
  });

  it('N4: a spaces-only value (incl. NBSP, ideographic and thin spaces) becomes null', () => {
    expect(normalizeText('\u00A0\u3000\u2009\u202F\u2000\u200A ')).toBeNull();
  });

  it('trims every Unicode space and line break at the edges', () => {
    const spaces = '\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\u2028\u2029\u0085\r\n\t\v\f';
    expect(normalizeText(`${spaces}Zoë${spaces}`)).toBe('Zoë');
  });

  it('E2: drops zero-width characters and a BOM at the edges', () => {
    expect(normalizeText('\u200B\uFEFFtom@example.com\u200C\u200D\u2060')).toBe('tom@example.com');
    expect(normalizeText('\u200B')).toBeNull();
  });

  it('keeps a ZWJ inside an emoji sequence and a ZWNJ inside a word', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(normalizeText(` ${family} `)).toBe(family);
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('keeps inner spaces as typed', () => {
    expect(normalizeText(' Jean  Pierre ')).toBe('Jean  Pierre');
  });

  it('F4: composes to NFC (Zoë typed decomposed equals Zoë composed)', () => {
    const decomposed = 'Zoe\u0308';
    expect(normalizeText(decomposed)).toBe('Zo\u00EB');
    expect(normalizeText('Besanc\u0327on')).toBe('Besançon');
  });

  it("N1: never strips or escapes apostrophes (O'Brien, N’Diaye)", () => {
    expect(normalizeText("O'Brien")).toBe("O'Brien");
    expect(normalizeText('N\u2019Diaye')).toBe('N\u2019Diaye');
  });

  it('D5: the words Null and undefined are literal text', () => {
    expect(normalizeText('Null')).toBe('Null');
    expect(normalizeText('undefined')).toBe('undefined');
    expect(normalizeText('null')).toBe('null');
  });

  it('N2: never changes letters of any script', () => {
    for (const name of ['José-María', 'Lefèvre', 'Ngũgĩ', '李', 'Αθηνά', 'ليلى', 'မောင်မောင်', 'Østergård']) {
      expect(normalizeText(name)).toBe(name.normalize('NFC'));
    }
  });

  it('is linear on a long inner run of spaces (no regex backtracking)', () => {
    const value = `a${' '.repeat(1_000_000)}b`;
    const started = performance.now();
    expect(normalizeText(value)).toBe(value);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('is idempotent and never leaves edge whitespace (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const once = normalizeText(value);
        expect(normalizeText(once)).toBe(once);
        if (once !== null) {
          expect(once).toBe(once.trim());
          expect(once.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('textLength', () => {
  it('N5: counts code points, so an astral character is one', () => {
    expect(textLength('Lou 🌻')).toBe(5);
    expect(textLength('𝐃𝐮𝐩𝐨𝐧𝐭')).toBe(6);
    expect(textLength('李')).toBe(1);
    expect(textLength('')).toBe(0);
  });

  it('counts a lone surrogate as one, like [...s]', () => {
    expect(textLength('a\uD800b')).toBe(3);
    expect(textLength('\uDC00\uD800')).toBe(2);
  });

  it('equals [...s].length for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(textLength(value)).toBe([...value].length);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }), (value) => {
        expect(textLength(value)).toBe([...value].length);
      }),
    );
  });
});
