import { describe, expect, it } from 'vitest';
import { describeIdentity, maskIdentityNumber } from './identity';

describe('maskIdentityNumber', () => {
  it('shows the last three characters behind a fixed-width mask', () => {
    expect(maskIdentityNumber('180578123456')).toBe('•••••456');
    expect(maskIdentityNumber('AB1234567')).toBe('•••••567');
  });

  it('never shows a short number whole', () => {
    expect(maskIdentityNumber('1234567')).toBe('•••••567');
    expect(maskIdentityNumber('123456')).toBe('•••••56');
    expect(maskIdentityNumber('12345')).toBe('•••••5');
    expect(maskIdentityNumber('1234')).toBe('•••••');
    expect(maskIdentityNumber('1')).toBe('•••••');
  });

  it('counts astral characters as one', () => {
    expect(maskIdentityNumber('ABCD𝟙𝟚𝟛')).toBe('•••••𝟙𝟚𝟛');
  });

  it('nothing stored is null', () => {
    expect(maskIdentityNumber(null)).toBeNull();
    expect(maskIdentityNumber('   ')).toBeNull();
  });
});

describe('describeIdentity', () => {
  const label = (type: string) => (type === 'ID_CARD' ? 'Identity card' : type);

  it('joins the type label and the masked number', () => {
    expect(describeIdentity({ number: '180578123456', type: 'ID_CARD' }, label)).toBe('Identity card •••••456');
  });

  it('an unknown type is shown as received', () => {
    expect(describeIdentity({ number: '99887766', type: 'TAX_ID' }, label)).toBe('TAX_ID •••••766');
  });

  it('handles missing parts', () => {
    expect(describeIdentity(null, label)).toBeNull();
    expect(describeIdentity({ number: null, type: null }, label)).toBeNull();
    expect(describeIdentity({ number: '12345678', type: null }, label)).toBe('•••••678');
  });
});
