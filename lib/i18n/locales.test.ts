import { describe, expect, it } from 'vitest';
import { canonicalTag, localeFromAcceptLanguage, localeFromTag, marketLocaleFor, negotiateLocale } from './locales';

describe('localeFromTag', () => {
  it.each(['fr-FR', 'fr_FR', 'fr-fr', 'FR', ' fr-FR ', 'fr-CA', 'fr'])('%s → fr (L1)', (tag) => {
    expect(localeFromTag(tag)).toBe('fr');
  });

  it.each(['en-US', 'en_GB', 'EN'])('%s → en', (tag) => {
    expect(localeFromTag(tag)).toBe('en');
  });

  it.each(['pt-BR', 'de-CH', 'ja-JP'])('an unsupported language %s → null', (tag) => {
    expect(localeFromTag(tag)).toBeNull();
  });

  it.each(['', '   ', 'not a tag', 'fr--FR', '@@', 'x'.repeat(200), '12-34', '\u0000fr'])('a malformed tag %j never throws and is null', (tag) => {
    expect(() => localeFromTag(tag)).not.toThrow();
    expect(localeFromTag(tag)).toBeNull();
  });

  it('null and undefined are null', () => {
    expect(localeFromTag(null)).toBeNull();
    expect(localeFromTag(undefined)).toBeNull();
  });
});

describe('localeFromAcceptLanguage', () => {
  it('pt-BR,de;q=0.8,* has no supported language (L2)', () => {
    expect(localeFromAcceptLanguage('pt-BR,de;q=0.8,*')).toBeNull();
  });

  it('picks by quality, then by order', () => {
    expect(localeFromAcceptLanguage('de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(localeFromAcceptLanguage('en;q=0.5,fr-FR;q=0.6')).toBe('fr');
    expect(localeFromAcceptLanguage('fr-CH, en;q=0.9')).toBe('fr');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,fr;q=0.8')).toBe('en');
  });

  it('ignores q=0, wildcards and garbage', () => {
    expect(localeFromAcceptLanguage('fr;q=0, en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('*')).toBeNull();
    expect(localeFromAcceptLanguage(';;;,,,q=,fr;q=abc')).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe('negotiateLocale', () => {
  it('the switcher cookie wins over everything', () => {
    expect(negotiateLocale({ cookie: 'en', profileLocale: 'fr-FR', acceptLanguage: 'fr' })).toBe('en');
    expect(negotiateLocale({ cookie: 'fr', profileLocale: 'en-GB', acceptLanguage: 'en' })).toBe('fr');
  });

  it('an invalid cookie is ignored', () => {
    expect(negotiateLocale({ cookie: 'de', profileLocale: 'fr_FR' })).toBe('fr');
    expect(negotiateLocale({ cookie: '../../etc', acceptLanguage: 'fr' })).toBe('fr');
  });

  it('then the profile locale, in any spelling (L1)', () => {
    expect(negotiateLocale({ profileLocale: 'fr-fr', acceptLanguage: 'en-US' })).toBe('fr');
    expect(negotiateLocale({ profileLocale: 'en-GB', acceptLanguage: 'fr' })).toBe('en');
  });

  it('a malformed or unsupported profile locale falls through to Accept-Language', () => {
    expect(negotiateLocale({ profileLocale: 'garbage!!', acceptLanguage: 'fr-BE' })).toBe('fr');
    expect(negotiateLocale({ profileLocale: 'ja-JP', acceptLanguage: 'fr' })).toBe('fr');
  });

  it('then English (L2)', () => {
    expect(negotiateLocale({ profileLocale: 'pt-BR', acceptLanguage: 'pt-BR,de;q=0.8,*' })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });
});

describe('marketLocaleFor', () => {
  it('a supported market in any spelling is used, canonical', () => {
    expect(marketLocaleFor('fr_FR', 'en-GB')).toBe('fr-FR');
    expect(marketLocaleFor('ja-jp', 'fr-FR')).toBe('ja-JP');
  });

  it('anything else keeps the default market, without throwing', () => {
    expect(marketLocaleFor('pt-PT', 'fr-FR')).toBe('fr-FR');
    expect(marketLocaleFor('bad tag', 'fr-FR')).toBe('fr-FR');
    expect(marketLocaleFor(null, 'fr-FR')).toBe('fr-FR');
  });
});

describe('canonicalTag', () => {
  it('normalises underscores and case', () => {
    expect(canonicalTag('zh_cn')).toBe('zh-CN');
    expect(canonicalTag('nonsense tag')).toBeNull();
  });
});
