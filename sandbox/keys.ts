import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Realm } from './config';

/**
 * Signing keys and cookie keys live in the data dir, created on first use, so tokens and
 * sessions survive restarts and the token CLI signs exactly like the running server.
 */
export type PrivateJwks = { keys: (JWK & { kid: string; alg: string; use: 'sig' })[] };

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Writes only if the file does not exist yet; returns what is on disk afterwards. */
function createOnce<T>(file: string, value: T): T {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readJson<T>(file) as T;
  }
}

export async function loadSigningKeys(dataDir: string, realm: Realm): Promise<PrivateJwks> {
  const file = path.join(dataDir, `jwks-${realm}.json`);
  const existing = readJson<PrivateJwks>(file);
  if (existing) return existing;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = `${realm}-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`;
  return createOnce(file, { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' as const }] });
}

export function publicJwks(jwks: PrivateJwks): { keys: JWK[] } {
  return {
    keys: jwks.keys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use })),
  };
}

export function loadCookieKeys(dataDir: string): string[] {
  const file = path.join(dataDir, 'cookie-keys.json');
  return readJson<string[]>(file) ?? createOnce(file, [randomBytes(32).toString('base64url')]);
}
