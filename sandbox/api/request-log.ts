/**
 * In-memory log of customer-API requests, served by GET /__sandbox/requests so tests can check
 * what the app sent ("did the PATCH carry only phones?"). Tokens and API keys are never kept.
 */
export type LoggedRequest = {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** Raw query string without `?` ("" when none). */
  query: string;
  status: number | null;
  /** PATCH body as parsed JSON (or raw text when it was not JSON). */
  body?: unknown;
  caller?: { role: 'customer' | 'staff'; id: string } | null;
  accept_language?: string | null;
  fault?: string;
};

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  start(method: string, path: string, query: string, acceptLanguage: string | null): LoggedRequest {
    const entry: LoggedRequest = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      method,
      path,
      query,
      status: null,
      accept_language: acceptLanguage,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  since(seq: number): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  get lastSeq(): number {
    return this.seq;
  }
}
