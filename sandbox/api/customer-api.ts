import type { IncomingMessage } from 'node:http';
import type { SandboxConfig } from '../config';
import { getCustomer, listCustomers, saveCustomerProfile, type SandboxDb } from '../db';
import { recognizeAddress } from '../profile/address-recognition';
import { applyPatch, validatePatch } from '../profile/patch';
import { toSearchResult, toV2Profile, type StoredAddress } from '../profile/shape';
import type { Caller } from '../tokens';
import type { ApiRoute } from './faults';
import { ApiError, badRequest, readBody } from './http';
import { parseAcceptLanguage } from './locale';

/**
 * The customer API routes (contract.md). Checks run in the contract's order: API key (401),
 * bearer token (401), accept-language (400), customer_id format (400), scope (403),
 * existence (404), then the body.
 */
export type ApiContext = {
  config: SandboxConfig;
  db: SandboxDb;
  verifyToken: (token: string) => Promise<Caller | null>;
};

export type ApiRequest = {
  route: ApiRoute;
  req: IncomingMessage;
  url: URL;
  customerId?: string;
  /** Filled while handling, for the request log. */
  caller?: Caller;
  body?: unknown;
};

export type ApiResult = { status: 200; body: unknown; headers?: Record<string, string> } | { status: 204 };

const CUSTOMER_ID = /^[1-9][0-9]*$/;

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchApiRoute(method: string, pathname: string): { route: ApiRoute; customerId?: string } | 'method' | undefined {
  const profile = /^\/v([12])\/customers\/([^/]+)\/profile$/.exec(pathname);
  if (profile) {
    const customerId = safeDecode(profile[2]!);
    if (profile[1] === '2') return method === 'GET' ? { route: 'GET /v2/customers/:id/profile', customerId } : 'method';
    return method === 'PATCH' ? { route: 'PATCH /v1/customers/:id/profile', customerId } : 'method';
  }
  if (pathname === '/v1/customers') return method === 'GET' ? { route: 'GET /v1/customers' } : 'method';
  return undefined;
}

async function authenticate(ctx: ApiContext, request: ApiRequest): Promise<{ caller: Caller; language: string }> {
  const { req } = request;
  const apiKey = req.headers['x-api-key'];
  if (apiKey !== ctx.config.apiKey) throw new ApiError(401, apiKey ? 'The API key is not valid' : 'The x-api-key header is missing');

  const authorization = req.headers.authorization ?? '';
  const bearer = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization)?.[1];
  if (!bearer) throw new ApiError(401, 'A bearer access token is required');
  const caller = await ctx.verifyToken(bearer);
  if (!caller) throw new ApiError(401, 'The access token is invalid or expired');
  request.caller = caller;

  const header = req.headers['accept-language'];
  const language = parseAcceptLanguage(header);
  if (!language) {
    throw badRequest('Unsupported language', [
      {
        error_code: header ? 'UNSUPPORTED_LANGUAGE' : 'MISSING_HEADER',
        concerned_key: 'accept-language',
        error_description: header
          ? `${header.split(',')[0]} is not a supported market locale`
          : 'The accept-language header is required',
      },
    ]);
  }
  return { caller, language };
}

function checkCustomerId(customerId: string): void {
  if (!CUSTOMER_ID.test(customerId)) {
    throw badRequest('Invalid customer_id', [
      { error_code: 'INVALID_CUSTOMER_ID', concerned_key: 'customer_id', error_description: 'customer_id must be digits, not starting with 0' },
    ]);
  }
}

function checkCustomerScope(caller: Caller, customerId: string): void {
  if (caller.realm === 'customer' && caller.customerId !== customerId) {
    throw new ApiError(403, 'This token does not give access to this customer');
  }
}

export async function getProfile(ctx: ApiContext, request: ApiRequest): Promise<ApiResult> {
  const { caller } = await authenticate(ctx, request);
  const customerId = request.customerId!;
  checkCustomerId(customerId);
  checkCustomerScope(caller, customerId);
  const row = getCustomer(ctx.db, customerId);
  if (!row) throw new ApiError(404, `Customer ${customerId} not found`);
  return { status: 200, body: toV2Profile(customerId, row.profile) };
}

function parseForceAddress(url: URL): boolean {
  const value = url.searchParams.get('force_address');
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest('Invalid query parameter', [
    { error_code: 'INVALID_PARAMETER', concerned_key: 'force_address', error_description: 'force_address must be true or false' },
  ]);
}

export async function patchProfile(ctx: ApiContext, request: ApiRequest): Promise<ApiResult> {
  const { caller, language } = await authenticate(ctx, request);
  const customerId = request.customerId!;
  checkCustomerId(customerId);
  checkCustomerScope(caller, customerId);
  if (caller.realm === 'staff') throw new ApiError(403, 'Staff access is read-only');
  if (!getCustomer(ctx.db, customerId)) throw new ApiError(404, `Customer ${customerId} not found`);

  const text = await readBody(request.req);
  let body: unknown;
  try {
    body = JSON.parse(text);
    request.body = body;
  } catch {
    request.body = text;
    throw badRequest('The body is not valid JSON', [
      { error_code: 'INVALID_BODY', concerned_key: 'body', error_description: 'The body must be a JSON object' },
    ]);
  }
  const forceAddress = parseForceAddress(request.url);
  const validation = validatePatch(body);
  if (!validation.ok) throw badRequest('The profile update is not valid', validation.errors);

  // Read, check and write in one transaction: all or nothing.
  ctx.db.transaction(() => {
    const row = getCustomer(ctx.db, customerId)!;
    const next = applyPatch(row.profile, validation.patch, language);
    if ('address' in validation.patch && next.address && !forceAddress) {
      const recognition = recognizeAddress(next.address as StoredAddress);
      if (!recognition.recognized) {
        throw badRequest('The address is not recognised', [
          { error_code: 'ADDRESS_NOT_RECOGNIZED', concerned_key: recognition.concernedKey, error_description: recognition.reason },
        ]);
      }
    }
    saveCustomerProfile(ctx.db, customerId, next);
  })();
  return { status: 204 };
}

export const SEARCH_FILTER_KEYS = ['email', 'last_name', 'gm_number', 'phones.number'] as const;
type SearchFilter = { key: (typeof SEARCH_FILTER_KEYS)[number]; value: string };

function parsePositiveInt(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw badRequest('Invalid query parameter', [
      { error_code: 'INVALID_PARAMETER', concerned_key: name, error_description: `${name} must be an integer from 1 to ${max}` },
    ]);
  }
  return value;
}

function parseFilters(url: URL): SearchFilter[] {
  return url.searchParams.getAll('filter').map((raw) => {
    const at = raw.indexOf('==');
    const key = raw.slice(0, at);
    const value = raw.slice(at + 2);
    if (at <= 0 || !(SEARCH_FILTER_KEYS as readonly string[]).includes(key) || !value) {
      throw badRequest('Invalid filter', [
        {
          error_code: 'INVALID_FILTER',
          concerned_key: 'filter',
          error_description: `A filter reads key==value with key one of ${SEARCH_FILTER_KEYS.join(', ')}`,
        },
      ]);
    }
    return { key: key as SearchFilter['key'], value };
  });
}

const sameText = (a: unknown, b: string) => typeof a === 'string' && a.toLocaleLowerCase() === b.toLocaleLowerCase();

function matches(profile: Record<string, unknown>, filter: SearchFilter): boolean {
  switch (filter.key) {
    case 'email':
      return sameText(profile.email, filter.value);
    case 'last_name':
      return sameText(profile.last_name, filter.value) || sameText(profile.unicode_last_name, filter.value);
    case 'gm_number':
      return profile.gm_number === filter.value;
    case 'phones.number':
      return Array.isArray(profile.phones) && profile.phones.some((phone) => (phone as { number?: unknown })?.number === filter.value);
  }
}

export async function searchCustomers(ctx: ApiContext, request: ApiRequest): Promise<ApiResult> {
  const { caller } = await authenticate(ctx, request);
  if (caller.realm !== 'staff') throw new ApiError(403, 'Customer search is for staff only');
  const filters = parseFilters(request.url);
  const limit = parsePositiveInt(request.url, 'limit', 20, 100);
  const page = parsePositiveInt(request.url, 'page', 1, 1_000_000);
  const found = listCustomers(ctx.db).filter((row) => filters.every((filter) => matches(row.profile, filter)));
  const results = found.slice((page - 1) * limit, page * limit).map((row) => toSearchResult(row.id, row.profile));
  return { status: 200, body: results, headers: { 'x-total-count': String(found.length) } };
}

export const HANDLERS: Record<ApiRoute, (ctx: ApiContext, request: ApiRequest) => Promise<ApiResult>> = {
  'GET /v2/customers/:id/profile': getProfile,
  'PATCH /v1/customers/:id/profile': patchProfile,
  'GET /v1/customers': searchCustomers,
};
