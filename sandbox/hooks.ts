import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultSchema, type FaultRegistry } from './api/faults';
import { ApiError, readBody, sendJson, sendNoContent } from './api/http';
import type { RequestLog } from './api/request-log';
import { z } from 'zod';
import type { SandboxConfig } from './config';
import { getCustomer, insertCustomer, saveCustomerProfile, type SandboxDb } from './db';
import { hashPassword } from './passwords';
import type { RuntimeSettings } from './runtime';
import { emptyProfile, type StoredProfile } from './profile/shape';
import { DEMO_PASSWORD, reseed } from './seed';

/**
 * Test hooks under /__sandbox/ (they stand in for "looking in Club Med's database"). All but
 * /__sandbox/health need the API key.
 *
 *   GET    /__sandbox/health              → 200 {status:"ok"} (no key needed)
 *   GET    /__sandbox/requests?since=N    → 200 {last_seq, requests:[{seq, at, method, path, query, status, body?, caller, accept_language, fault?}]}
 *   GET    /__sandbox/customers/:id       → 200 the raw stored profile | 404
 *   POST   /__sandbox/customers/:id       → 200 (merged) | 201 (created) the raw stored profile; body = partial profile, deep-merged
 *   POST   /__sandbox/reset               → 200 {reset:true}; re-seeds and clears faults
 *   GET    /__sandbox/faults              → 200 {faults:[...]}
 *   POST   /__sandbox/faults              → 201 {fault}; body {route, times, status?, latencyMs?, hang?, body?, drop?, retryAfter?}
 *   DELETE /__sandbox/faults              → 204
 *   GET    /__sandbox/access-token-ttl    → 200 {seconds, configured, overridden}
 *   POST   /__sandbox/access-token-ttl    → 200 (same); body {seconds: 1..86400 | null} — lifetime of access tokens issued from now on; null restores the configured one
 *   DELETE /__sandbox/access-token-ttl    → 200 (same); restores the configured lifetime
 *   DELETE /__sandbox/customers/:id/sessions → 200 {revoked}; ends the customer's sign-in sessions and grants (refresh tokens stop working)
 */
export type HookContext = {
  config: SandboxConfig;
  db: SandboxDb;
  requests: RequestLog;
  faults: FaultRegistry;
  runtime: RuntimeSettings;
};

const TtlSchema = z.object({ seconds: z.number().int().min(1).max(86_400).nullable() }).strict();

function invalid(message: string, code: string, issues: z.core.$ZodIssue[]): ApiError {
  return new ApiError(
    400,
    message,
    issues.map((issue) => ({ error_code: code, concerned_key: issue.path.join('.') || 'body', error_description: issue.message })),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects merge key by key; arrays, scalars and null replace. */
export function deepMerge(base: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] = isObject(value) && isObject(current) ? deepMerge(current, value) : value;
  }
  return out;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The body is not valid JSON', [
      { error_code: 'INVALID_BODY', concerned_key: 'body', error_description: 'The body must be JSON' },
    ]);
  }
}

export async function handleHook(ctx: HookContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path === '/__sandbox/health' && method === 'GET') return sendJson(res, 200, { status: 'ok' });
  if (req.headers['x-api-key'] !== ctx.config.apiKey) throw new ApiError(401, 'The test hooks need the x-api-key header');

  if (path === '/__sandbox/requests' && method === 'GET') {
    const since = Number(url.searchParams.get('since') ?? 0);
    return sendJson(res, 200, { last_seq: ctx.requests.lastSeq, requests: ctx.requests.since(Number.isFinite(since) ? since : 0) });
  }
  if (path === '/__sandbox/reset' && method === 'POST') {
    reseed(ctx.db);
    ctx.faults.clear();
    ctx.runtime.reset();
    return sendJson(res, 200, { reset: true });
  }
  if (path === '/__sandbox/access-token-ttl') {
    if (method === 'POST') {
      const parsed = TtlSchema.safeParse(await jsonBody(req));
      if (!parsed.success) throw invalid('Invalid access token lifetime', 'INVALID_TTL', parsed.error.issues);
      ctx.runtime.setAccessTokenTtl(parsed.data.seconds);
    } else if (method === 'DELETE') {
      ctx.runtime.setAccessTokenTtl(null);
    } else if (method !== 'GET') {
      throw new ApiError(405, `${method} is not allowed on ${path}`);
    }
    return sendJson(res, 200, ctx.runtime.describeAccessTokenTtl());
  }
  const sessions = /^\/__sandbox\/customers\/([1-9][0-9]*)\/sessions$/.exec(path);
  if (sessions && method === 'DELETE') {
    // Sessions, grants, refresh tokens and codes of the customer issuer. Access tokens are JWTs:
    // those already issued stay valid until they expire.
    const { changes } = ctx.db
      .prepare(`DELETE FROM oidc_models WHERE model LIKE 'customer:%' AND json_extract(payload, '$.accountId') = ?`)
      .run(sessions[1]!);
    return sendJson(res, 200, { revoked: changes });
  }
  if (path === '/__sandbox/faults') {
    if (method === 'GET') return sendJson(res, 200, { faults: ctx.faults.list() });
    if (method === 'DELETE') {
      ctx.faults.clear();
      return sendNoContent(res);
    }
    if (method === 'POST') {
      const parsed = FaultSchema.safeParse(await jsonBody(req));
      if (!parsed.success) throw invalid('Invalid fault', 'INVALID_FAULT', parsed.error.issues);
      return sendJson(res, 201, { fault: ctx.faults.add(parsed.data) });
    }
  }
  const customer = /^\/__sandbox\/customers\/([1-9][0-9]*)$/.exec(path);
  if (customer) {
    const id = customer[1]!;
    if (method === 'GET') {
      const row = getCustomer(ctx.db, id);
      if (!row) throw new ApiError(404, `Customer ${id} not found`);
      return sendJson(res, 200, row.profile);
    }
    if (method === 'POST') {
      const changes = await jsonBody(req);
      if (!isObject(changes)) throw new ApiError(400, 'The body must be a JSON object', []);
      const row = getCustomer(ctx.db, id);
      const next = deepMerge(row?.profile ?? emptyProfile(), changes) as StoredProfile;
      if (row) saveCustomerProfile(ctx.db, id, next);
      else insertCustomer(ctx.db, { id, passwordHash: hashPassword(DEMO_PASSWORD), profile: next });
      return sendJson(res, row ? 200 : 201, next);
    }
  }
  throw new ApiError(404, `No test hook at ${method} ${path}`);
}

