import 'server-only';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { UpstreamError, kindForStatus, parseErrorBody, parseRetryAfter } from './errors';

/**
 * The one HTTP client for Club Med's customer API (or the sandbox: only configuration differs).
 * Adds the key, language and bearer headers, applies a timeout, maps every failure to UpstreamError.
 */
export type ClubmedRequest = {
  method: 'GET' | 'PATCH';
  path: string;
  accessToken: string;
  marketLocale: string;
  query?: URLSearchParams;
  body?: unknown;
};

export type ClubmedResponse = { status: number; json: unknown };

const RETRY_DELAYS_MS = [150, 500];
const MAX_RETRY_AFTER_SECONDS = 2;

export async function clubmedRequest(request: ClubmedRequest): Promise<ClubmedResponse> {
  if (!request.accessToken) {
    // Never send `Bearer undefined`: a missing token is a session problem, not an upstream call.
    throw new UpstreamError('unauthorized', 'No access token in session');
  }
  // Only reads are retried: a PATCH that timed out may have been applied.
  const attempts = request.method === 'GET' ? RETRY_DELAYS_MS.length + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(request);
    } catch (error) {
      if (!(error instanceof UpstreamError) || attempt >= attempts || !isRetryable(error)) throw error;
      const delay = retryDelayMs(error, attempt);
      log.warn('upstream.retry', { method: request.method, path: redactPath(request.path), kind: error.kind, attempt, delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function isRetryable(error: UpstreamError): boolean {
  if (error.kind === 'rate_limited') return (error.retryAfterSeconds ?? 1) <= MAX_RETRY_AFTER_SECONDS;
  return error.kind === 'server' || error.kind === 'timeout' || error.kind === 'network';
}

function retryDelayMs(error: UpstreamError, attempt: number): number {
  if (error.kind === 'rate_limited' && error.retryAfterSeconds !== undefined) return error.retryAfterSeconds * 1000;
  const base = RETRY_DELAYS_MS[attempt - 1] ?? 500;
  return base + Math.floor(Math.random() * base * 0.5); // jitter spreads retries of many users
}

async function sendOnce(request: ClubmedRequest): Promise<ClubmedResponse> {
  const config = getConfig();
  const url = new URL(request.path, config.CLUBMED_API_BASE_URL);
  if (request.query) url.search = request.query.toString();
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: {
        'x-api-key': config.CLUBMED_API_KEY,
        'accept-language': request.marketLocale,
        authorization: `Bearer ${request.accessToken}`,
        accept: 'application/json',
        ...(request.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(config.UPSTREAM_TIMEOUT_MS),
      cache: 'no-store', // per-user data: never cached across requests or users
    });
  } catch (error) {
    const isTimeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    log.warn('upstream.failed', { method: request.method, path: redactPath(request.path), kind: isTimeout ? 'timeout' : 'network' });
    throw new UpstreamError(isTimeout ? 'timeout' : 'network', isTimeout ? 'Upstream timed out' : 'Upstream unreachable');
  }

  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new UpstreamError('network', 'Upstream connection dropped while reading the body', { status: response.status });
  }
  const ms = Math.round(performance.now() - started);
  log.info('upstream.response', { method: request.method, path: redactPath(request.path), status: response.status, ms });

  if (response.ok) {
    if (response.status === 204 || text === '') return { status: response.status, json: undefined };
    try {
      return { status: response.status, json: JSON.parse(text) as unknown };
    } catch {
      throw new UpstreamError('malformed', 'Upstream answered with a body that is not JSON', { status: response.status });
    }
  }
  const body = parseErrorBody(text);
  throw new UpstreamError(kindForStatus(response.status), body.description ?? `Upstream answered ${response.status}`, {
    status: response.status,
    issues: body.issues,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** Customer ids are personal data in logs only when joined with others; keep paths generic anyway. */
function redactPath(path: string): string {
  return path.replace(/\/customers\/[^/]+/, '/customers/:id');
}
