/** One error type for every upstream failure, so pages and actions branch on `kind`, not on status codes. */
export type UpstreamErrorKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'bad_request' // 400
  | 'rate_limited' // 429
  | 'server' // 5xx and other unexpected statuses
  | 'timeout'
  | 'network'
  | 'malformed'; // a 2xx whose body is not what the contract says

export type UpstreamFieldIssue = { error_code?: string; concerned_key?: string; error_description?: string };

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly status: number | undefined;
  readonly issues: UpstreamFieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: UpstreamErrorKind,
    message: string,
    details: { status?: number; issues?: UpstreamFieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'UpstreamError';
    this.kind = kind;
    this.status = details.status;
    this.issues = details.issues ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  hasErrorCode(code: string): boolean {
    return this.issues.some((issue) => issue.error_code === code);
  }
}

export function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return 'server';
}

/** Reads an error body defensively: it may be JSON per contract, empty, HTML, or garbage. */
export function parseErrorBody(text: string): { description?: string; issues: UpstreamFieldIssue[] } {
  try {
    const body: unknown = JSON.parse(text);
    if (!body || typeof body !== 'object') return { issues: [] };
    const record = body as Record<string, unknown>;
    const issues = Array.isArray(record.errors)
      ? record.errors.filter((e): e is UpstreamFieldIssue => !!e && typeof e === 'object').map((e) => ({
          error_code: typeof e.error_code === 'string' ? e.error_code : undefined,
          concerned_key: typeof e.concerned_key === 'string' ? e.concerned_key : undefined,
          error_description: typeof e.error_description === 'string' ? e.error_description : undefined,
        }))
      : [];
    const description = typeof record.error_description === 'string' ? record.error_description : undefined;
    return { description, issues };
  } catch {
    return { issues: [] };
  }
}

/** `Retry-After` as seconds (delta or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
