import type { Role } from './roles';

/** Where a signed-out visitor of a `role` area starts signing in, coming back to `callbackPath`. */
export function signInPathFor(role: Role, callbackPath: string): string {
  return `/signin/start?${new URLSearchParams({ role, callbackUrl: callbackPath })}`;
}
