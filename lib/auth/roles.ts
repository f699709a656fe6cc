export const CUSTOMER_PROVIDER_ID = 'clubmed';
export const STAFF_PROVIDER_ID = 'clubmed-staff';

export type Role = 'customer' | 'staff';

/** What the encrypted session cookie holds. Only the server ever decrypts it. */
export type SessionTokens = {
  role: Role;
  /** The customer's id (token `sub`) for customers; the staff id for staff. */
  subject: string;
  name: string | null;
  email: string | null;
  /** The `locale` claim of the ID token (e.g. `fr-FR`), as given; only a language hint. */
  locale: string | null;
  accessToken: string;
  refreshToken: string | null;
  /** Access token expiry, epoch seconds. */
  expiresAt: number;
};
