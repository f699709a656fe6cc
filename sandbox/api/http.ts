import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FieldError } from '../profile/patch';

export const JSON_TYPE = 'application/json; charset=utf-8';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** An API answer that is not a success; rendered with the contract's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }

  body(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      status_code: this.status,
      error: reasonPhrase(this.status),
      error_description: this.description,
    };
    if (this.status === 400) body.errors = this.errors ?? [];
    return body;
  }
}

export function badRequest(description: string, errors: FieldError[]): ApiError {
  return new ApiError(400, description, errors);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the request body as UTF-8 text; an oversized body is a 413. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError(413, `The body must be at most ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await readBody(req);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
