import { describe, expect, it } from 'vitest';
import { normalizeCommune, recognizeAddress } from './address-recognition';

const fr = (zip_code: string | null, city: string | null, country_code = 'FR') => recognizeAddress({ zip_code, city, country_code });

describe('normalizeCommune', () => {
  it('ignores case, accents, hyphens and apostrophes; ST/STE are SAINT/SAINTE as whole words', () => {
    expect(normalizeCommune('Saint-Étienne')).toBe('SAINT ETIENNE');
    expect(normalizeCommune('st etienne')).toBe('SAINT ETIENNE');
    expect(normalizeCommune('Ste-Maxime')).toBe('SAINTE MAXIME');
    expect(normalizeCommune("L'Haÿ-les-Roses")).toBe('L HAY LES ROSES');
    expect(normalizeCommune('L’Haÿ-les-Roses')).toBe('L HAY LES ROSES');
    expect(normalizeCommune('STRASBOURG')).toBe('STRASBOURG');
    expect(normalizeCommune('Stella-Plage')).toBe('STELLA PLAGE');
  });
});

describe('recognizeAddress: France and overseas (La Poste)', () => {
  it('recognises a postcode whose communes include the city', () => {
    expect(fr('75001', 'PARIS')).toEqual({ recognized: true });
    expect(fr('75001', 'paris')).toEqual({ recognized: true });
    expect(fr('13100', 'Aix-en-Provence')).toEqual({ recognized: true });
    expect(fr('13100', 'AIX EN PROVENCE')).toEqual({ recognized: true });
    expect(fr('42000', 'st etienne')).toEqual({ recognized: true });
    expect(fr('42000', 'Saint-Étienne')).toEqual({ recognized: true });
    expect(fr('01220', 'Divonne-les-Bains')).toEqual({ recognized: true });
  });

  it('does not recognise a city the postcode does not serve, or an unknown postcode', () => {
    expect(fr('75001', 'Lyon')).toMatchObject({ recognized: false, concernedKey: 'address' });
    expect(fr('75000', 'Aix-en-Provence')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
    expect(fr('1220', 'Divonne-les-Bains')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
    expect(fr('42000', 'Saint-Etiennette')).toMatchObject({ recognized: false });
    expect(fr(null, 'PARIS')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
    expect(fr('75001', null)).toMatchObject({ recognized: false, concernedKey: 'address.city' });
  });

  it('recognises CEDEX addresses whose commune lies in the postcode department', () => {
    expect(fr('44021', 'NANTES CEDEX 1')).toEqual({ recognized: true });
    expect(fr('44021', 'Nantes Cedex')).toEqual({ recognized: true });
    expect(fr('20090', 'AJACCIO CEDEX 9')).toEqual({ recognized: true });
    expect(fr('44021', 'LYON CEDEX 1')).toMatchObject({ recognized: false });
    expect(fr('44021', 'NANTES')).toMatchObject({ recognized: false });
    expect(fr('44021', 'NANTES CEDEX X')).toMatchObject({ recognized: false });
  });

  it('recognises overseas departments under FR and under their own codes', () => {
    expect(fr('97400', 'Saint-Denis', 'RE')).toEqual({ recognized: true });
    expect(fr('97400', 'ST DENIS', 'FR')).toEqual({ recognized: true });
    expect(fr('97200', 'Fort-de-France', 'MQ')).toEqual({ recognized: true });
    expect(fr('93200', 'Saint-Denis', 'RE')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
  });
});

describe('recognizeAddress: other countries (postcode format)', () => {
  const other = (zip_code: string | null, country_code: string) => recognizeAddress({ zip_code, city: 'X', country_code });

  it('checks the country format', () => {
    expect(other('SW1A 1AA', 'GB')).toEqual({ recognized: true });
    expect(other('EC1A 1BB', 'GB')).toEqual({ recognized: true });
    expect(other('12345', 'GB')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
    expect(other('90210', 'US')).toEqual({ recognized: true });
    expect(other('90210-1234', 'US')).toEqual({ recognized: true });
    expect(other('9021', 'US')).toMatchObject({ recognized: false });
    expect(other('10115', 'DE')).toEqual({ recognized: true });
    expect(other('1011', 'DE')).toMatchObject({ recognized: false });
    expect(other('D02 X285', 'IE')).toEqual({ recognized: true });
    expect(other(null, 'DE')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
  });

  it('wants an empty postcode for countries without postcodes', () => {
    expect(other(null, 'AE')).toEqual({ recognized: true });
    expect(other('', 'HK')).toEqual({ recognized: true });
    expect(other('12345', 'AE')).toMatchObject({ recognized: false, concernedKey: 'address.zip_code' });
  });

  it('needs a country code', () => {
    expect(recognizeAddress({ zip_code: '75001', city: 'PARIS', country_code: null })).toMatchObject({
      recognized: false,
      concernedKey: 'address.country_code',
    });
  });
});
