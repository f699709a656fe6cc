import { z } from 'zod';

/** Fault injection for the customer API (POST /__sandbox/faults), applied to the next N matching calls. */
export const API_ROUTES = ['GET /v2/customers/:id/profile', 'PATCH /v1/customers/:id/profile', 'GET /v1/customers'] as const;
export type ApiRoute = (typeof API_ROUTES)[number];

export const FaultSchema = z
  .object({
    route: z.enum(API_ROUTES),
    times: z.number().int().min(1).max(1000).default(1),
    status: z.number().int().min(100).max(599).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    hang: z.literal(true).optional(),
    body: z.enum(['malformed', 'html', 'empty']).optional(),
    drop: z.literal(true).optional(),
    retryAfter: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();
export type Fault = z.infer<typeof FaultSchema>;
export type ActiveFault = Fault & { id: number; remaining: number };

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(fault: Fault): ActiveFault {
    const active = { ...fault, id: this.nextId++, remaining: fault.times };
    this.faults.push(active);
    return active;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return [...this.faults];
  }

  /** Takes one use of the first fault registered for the route, if any. */
  take(route: ApiRoute): ActiveFault | undefined {
    const fault = this.faults.find((candidate) => candidate.route === route);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }
}

/** Whether the fault replaces the answer (else it only delays it). */
export function faultAnswers(fault: Fault): boolean {
  return Boolean(fault.hang || fault.drop || fault.body || fault.status !== undefined);
}

export const MALFORMED_JSON = '{"email": "tom@example.com", "first_name": "To';
export const HTML_BODY = '<!DOCTYPE html><html><head><title>Bad gateway</title></head><body><h1>Bad gateway</h1></body></html>';
