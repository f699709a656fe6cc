import type { Identity } from '@/lib/profile/types';

const MASK = '•••••';
/** Characters always hidden, so a short number is never shown whole. */
const MIN_HIDDEN = 4;
const MAX_SHOWN = 3;

/**
 * A national id number with only its last characters visible: `180578123456` → `•••••456`. The
 * mask has a fixed width so it does not tell the number's length either.
 */
export function maskIdentityNumber(number: string | null | undefined): string | null {
  const chars = [...(number ?? '').trim()];
  if (chars.length === 0) return null;
  const shown = Math.min(MAX_SHOWN, Math.max(0, chars.length - MIN_HIDDEN));
  return MASK + chars.slice(chars.length - shown).join('');
}

/** Type label and masked number, e.g. `Identity card •••••456`; null when nothing is stored. */
export function describeIdentity(identity: Identity | null, typeLabel: (type: string) => string): string | null {
  const masked = maskIdentityNumber(identity?.number);
  const type = identity?.type ? typeLabel(identity.type) : null;
  if (!masked) return type;
  return type ? `${type} ${masked}` : masked;
}
