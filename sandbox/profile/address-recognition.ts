import { createRequire } from 'node:module';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';

/**
 * "Is this a real address?" as the sandbox answers it (contract.md, PATCH, address validation):
 * - FR and the overseas departments/collectivities: a La Poste postcode (codes-postaux) whose
 *   communes include the city, or a CEDEX address `<commune> CEDEX [n]` whose commune lies in
 *   the postcode's department;
 * - other countries: a postcode of the country's format (postcode-validator); countries without
 *   postcodes need an empty one; countries the validator does not know accept any postcode.
 */
type PostalEntry = { codePostal: string; codeCommune: string; nomCommune: string; libelleAcheminement: string };

const require = createRequire(import.meta.url);
const postalEntries = require('codes-postaux/codes-postaux.json') as PostalEntry[];

export type AddressInput = {
  city?: string | null;
  zip_code?: string | null;
  country_code?: string | null;
};

export type Recognition =
  | { recognized: true }
  | { recognized: false; concernedKey: 'address' | 'address.zip_code' | 'address.city' | 'address.country_code'; reason: string };

/** Postcode prefixes of the overseas territories La Poste serves (their own ISO codes). */
const OVERSEAS_PREFIXES: Record<string, string[]> = {
  GP: ['971'],
  MQ: ['972'],
  GF: ['973'],
  RE: ['974'],
  PM: ['975'],
  YT: ['976'],
  BL: ['97133'],
  MF: ['97150'],
};

/** Countries and territories that do not use postcodes: an empty zip_code is the valid one. */
const COUNTRIES_WITHOUT_POSTCODES = new Set(
  (
    'AE AG AN AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK HM KI KM KN KP ' +
    'LC ML MO MR MW NR NU QA RW SB SC SL SO SR SS ST SY TD TF TG TK TL TO TT TV UG VU YE ZW'
  ).split(' '),
);

/** Upper-case, accents/apostrophes/hyphens removed, `ST`/`STE` read as `SAINT`/`SAINTE`. */
export function normalizeCommune(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[-‐‑‒–—'’‘ʼ`´.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word === 'ST' ? 'SAINT' : word === 'STE' ? 'SAINTE' : word))
    .join(' ');
}

function communeDepartment(codeCommune: string): string {
  return codeCommune.startsWith('97') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2);
}

function postcodeDepartments(zip: string): string[] {
  if (zip.startsWith('97')) return [zip.slice(0, 3)];
  if (zip.startsWith('20')) return ['2A', '2B'];
  return [zip.slice(0, 2)];
}

const communesByPostcode = new Map<string, Set<string>>();
const departmentsByCommune = new Map<string, Set<string>>();
for (const entry of postalEntries) {
  const names = [normalizeCommune(entry.nomCommune), normalizeCommune(entry.libelleAcheminement)];
  let communes = communesByPostcode.get(entry.codePostal);
  if (!communes) communesByPostcode.set(entry.codePostal, (communes = new Set()));
  for (const name of names) {
    communes.add(name);
    let departments = departmentsByCommune.get(name);
    if (!departments) departmentsByCommune.set(name, (departments = new Set()));
    departments.add(communeDepartment(entry.codeCommune));
  }
}

const CEDEX = /^(.+?) CEDEX(?: \d{1,3})?$/;

function recognizeFrench(zip: string, city: string, countryCode: string): Recognition {
  const prefixes = OVERSEAS_PREFIXES[countryCode];
  if (!/^\d{5}$/.test(zip) || (prefixes && !prefixes.some((prefix) => zip.startsWith(prefix)))) {
    return { recognized: false, concernedKey: 'address.zip_code', reason: `${zip} is not a postcode of ${countryCode}` };
  }
  const wanted = normalizeCommune(city);
  if (communesByPostcode.get(zip)?.has(wanted)) return { recognized: true };

  const cedex = CEDEX.exec(wanted);
  if (cedex?.[1]) {
    const departments = departmentsByCommune.get(cedex[1]);
    if (departments && postcodeDepartments(zip).some((department) => departments.has(department))) {
      return { recognized: true };
    }
  }
  if (!communesByPostcode.has(zip) && !cedex) {
    return { recognized: false, concernedKey: 'address.zip_code', reason: `${zip} is not a La Poste postcode` };
  }
  return { recognized: false, concernedKey: 'address', reason: `${city} is not served by postcode ${zip}` };
}

export function recognizeAddress(address: AddressInput): Recognition {
  const countryCode = address.country_code ?? '';
  const zip = address.zip_code ?? '';
  const city = address.city ?? '';
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    return { recognized: false, concernedKey: 'address.country_code', reason: 'The address has no valid country code' };
  }
  if (countryCode === 'FR' || countryCode in OVERSEAS_PREFIXES) {
    if (!zip) return { recognized: false, concernedKey: 'address.zip_code', reason: 'A French address needs a postcode' };
    if (!city) return { recognized: false, concernedKey: 'address.city', reason: 'A French address needs a city' };
    return recognizeFrench(zip, city, countryCode);
  }
  if (COUNTRIES_WITHOUT_POSTCODES.has(countryCode)) {
    return zip
      ? { recognized: false, concernedKey: 'address.zip_code', reason: `${countryCode} does not use postcodes` }
      : { recognized: true };
  }
  if (!postcodeValidatorExistsForCountry(countryCode)) return { recognized: true };
  if (!zip) return { recognized: false, concernedKey: 'address.zip_code', reason: `An address in ${countryCode} needs a postcode` };
  return postcodeValidator(zip, countryCode)
    ? { recognized: true }
    : { recognized: false, concernedKey: 'address.zip_code', reason: `${zip} is not a postcode of ${countryCode}` };
}
