import { describe, expect, it } from 'vitest';
import { fieldErrorsFromUpstream, isAddressNotRecognized } from './errors';

describe('fieldErrorsFromUpstream', () => {
  it('puts each error beside the field named by concerned_key', () => {
    expect(
      fieldErrorsFromUpstream([
        { error_code: 'INVALID_EMAIL', concerned_key: 'email', error_description: 'Email is invalid' },
        { error_code: 'TOO_LONG', concerned_key: 'address.zip_code', error_description: 'Too long' },
        { error_code: 'INVALID_PHONE', concerned_key: 'phones.1.number', error_description: 'Unknown range' },
      ]),
    ).toEqual({
      fieldErrors: {
        email: [{ code: 'upstream', params: { message: 'Email is invalid', error_code: 'INVALID_EMAIL' } }],
        'address.zip_code': [{ code: 'upstream', params: { message: 'Too long', error_code: 'TOO_LONG' } }],
        'phones.1.number': [{ code: 'upstream', params: { message: 'Unknown range', error_code: 'INVALID_PHONE' } }],
      },
      formErrors: [],
    });
  });

  it('P6: reads phones[1].number as the form path phones.1.number', () => {
    expect(Object.keys(fieldErrorsFromUpstream([{ concerned_key: 'phones[1].number', error_description: 'x' }]).fieldErrors)).toEqual(['phones.1.number']);
  });

  it('collects several errors on one field', () => {
    const { fieldErrors } = fieldErrorsFromUpstream([
      { concerned_key: 'last_name', error_description: 'a' },
      { concerned_key: 'last_name', error_description: 'b' },
    ]);
    expect(fieldErrors.last_name).toEqual([
      { code: 'upstream', params: { message: 'a' } },
      { code: 'upstream', params: { message: 'b' } },
    ]);
  });

  it('keys that are not in the form become form errors', () => {
    expect(
      fieldErrorsFromUpstream([
        { error_code: 'READ_ONLY', concerned_key: 'gm_number', error_description: 'gm_number is read-only' },
        { error_code: 'BAD_LOCALE', concerned_key: 'accept-language', error_description: 'Unsupported language' },
        { error_code: 'WHATEVER' },
        { concerned_key: 'address.country', error_description: 'Derived' },
        {},
      ]),
    ).toEqual({
      fieldErrors: {},
      formErrors: ['gm_number is read-only', 'Unsupported language', 'WHATEVER', 'Derived', 'upstream'],
    });
  });
});

describe('isAddressNotRecognized', () => {
  it('A2: spots ADDRESS_NOT_RECOGNIZED whatever its concerned_key', () => {
    expect(isAddressNotRecognized([{ error_code: 'ADDRESS_NOT_RECOGNIZED', concerned_key: 'address.zip_code' }])).toBe(true);
    expect(isAddressNotRecognized([{ error_code: 'INVALID_EMAIL', concerned_key: 'email' }])).toBe(false);
    expect(isAddressNotRecognized([])).toBe(false);
  });
});
