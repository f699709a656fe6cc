import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HANDLERS, matchApiRoute, type ApiContext, type ApiRequest } from './api/customer-api';
import { faultAnswers, FaultRegistry, HTML_BODY, MALFORMED_JSON, type ActiveFault } from './api/faults';
import { ApiError, JSON_TYPE, reasonPhrase, sendJson, sendNoContent } from './api/http';
import { RequestLog, type LoggedRequest } from './api/request-log';
import { ISSUER_PATHS, type Realm, type SandboxConfig } from './config';
import { openDb, type SandboxDb } from './db';
import { handleHook } from './hooks';
import { logEvent } from './log';
import { purgeExpired } from './oidc/adapter';
import { createProviders, handleInteraction, type IdentityProviders } from './oidc/providers';
import { RuntimeSettings } from './runtime';
import { seedIfEmpty } from './seed';
import { createTokenVerifier } from './tokens';

/**
 * One HTTP server for the whole sandbox: the two identity providers under /customers and
 * /staff, the customer API under /v1 and /v2, and the test hooks under /__sandbox.
 */
export type Sandbox = {
  server: http.Server;
  db: SandboxDb;
  providers: IdentityProviders;
  seeded: boolean;
  listen(): Promise<string>;
  close(): Promise<void>;
};

export async function createSandbox(config: SandboxConfig): Promise<Sandbox> {
  const db = openDb(config.dataDir);
  const seeded = seedIfEmpty(db);
  purgeExpired(db);
  const runtime = new RuntimeSettings(config);
  const providers = await createProviders(config, db, runtime);
  const providerCallbacks = {
    customer: providers.customer.callback(),
    staff: providers.staff.callback(),
  } as Record<Realm, (req: IncomingMessage, res: ServerResponse) => unknown>;
  for (const [realm, provider] of Object.entries(providers)) {
    provider.on('server_error', (_ctx: unknown, error: Error) =>
      logEvent({ level: 'error', msg: 'oidc server_error', realm, error: error.message }),
    );
  }

  const api: ApiContext = { config, db, verifyToken: await createTokenVerifier(config) };
  const requests = new RequestLog();
  const faults = new FaultRegistry();

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const matched = matchApiRoute(method, url.pathname);
    if (!matched) throw new ApiError(404, `No route ${method} ${url.pathname}`);
    if (matched === 'method') throw new ApiError(405, `${method} is not allowed on ${url.pathname}`);

    const entry = requests.start(method, url.pathname, url.search.slice(1), req.headers['accept-language'] ?? null);
    res.on('close', () => {
      entry.status ??= res.headersSent ? res.statusCode : 0;
    });
    if (config.latencyMs) await sleep(config.latencyMs);

    const fault = faults.take(matched.route);
    if (fault) {
      entry.fault = describeFault(fault);
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (faultAnswers(fault)) return answerWithFault(req, res, fault, entry);
    }

    const request: ApiRequest = { route: matched.route, req, url, customerId: matched.customerId };
    try {
      const result = await HANDLERS[matched.route](api, request);
      entry.status = result.status;
      if (result.status === 204) sendNoContent(res);
      else sendJson(res, result.status, result.body, result.headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      entry.status = error.status;
      sendJson(res, error.status, error.body(), error.headers);
    } finally {
      entry.caller = request.caller
        ? { role: request.caller.realm, id: request.caller.realm === 'customer' ? request.caller.customerId : request.caller.staffId }
        : null;
      if (request.body !== undefined) entry.body = request.body;
    }
  }

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    res.on('close', () => {
      logEvent({
        level: 'info',
        msg: 'request',
        method: req.method,
        path: url.pathname,
        status: res.headersSent ? res.statusCode : 0,
        ms: Math.round(performance.now() - started),
      });
    });
    route(req, res, url).catch((error: unknown) => {
      logEvent({ level: 'error', msg: 'unhandled error', path: url.pathname, error: (error as Error).message });
      if (error instanceof ApiError) {
        if (!res.headersSent) sendJson(res, error.status, error.body(), error.headers);
        return;
      }
      if (!res.headersSent) sendJson(res, 500, new ApiError(500, 'Unexpected sandbox error').body());
      else res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    for (const realm of ['customer', 'staff'] as const) {
      const prefix = ISSUER_PATHS[realm];
      if (path === prefix || path.startsWith(`${prefix}/`)) {
        if (await handleInteraction(providers, db, realm, req, res, path)) return;
        // Mount the provider under its issuer path: it routes on the rest, and derives its
        // endpoint URLs from originalUrl.
        (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
        req.url = req.url!.slice(prefix.length) || '/';
        await providerCallbacks[realm](req, res);
        return;
      }
    }
    try {
      if (path.startsWith('/v1/') || path.startsWith('/v2/')) return await handleApi(req, res, url);
      if (path.startsWith('/__sandbox/')) return await handleHook({ config, db, requests, faults, runtime }, req, res, url);
      throw new ApiError(404, `No route ${req.method} ${path}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendJson(res, error.status, error.body(), error.headers);
    }
  }

  return {
    server,
    db,
    providers,
    seeded,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? `http://localhost:${address.port}` : String(address));
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function describeFault(fault: ActiveFault): string {
  const parts = [
    fault.hang && 'hang',
    fault.drop && 'drop',
    fault.status !== undefined && `status ${fault.status}`,
    fault.body && `body ${fault.body}`,
    fault.latencyMs && `latency ${fault.latencyMs}ms`,
    fault.retryAfter !== undefined && `retry-after ${fault.retryAfter}`,
  ].filter(Boolean);
  return parts.join(', ');
}

function answerWithFault(req: IncomingMessage, res: ServerResponse, fault: ActiveFault, entry: LoggedRequest): void {
  if (fault.hang) {
    // Never answer; the socket closes when the client gives up (or the sandbox stops).
    entry.status = null;
    req.resume();
    return;
  }
  if (fault.drop) {
    entry.status = 0;
    req.socket.destroy();
    return;
  }
  const status = fault.status ?? (fault.body ? 200 : 500);
  entry.status = status;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  req.resume();
  if (fault.body === 'html') {
    res.writeHead(status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(HTML_BODY);
  } else if (fault.body === 'malformed') {
    res.writeHead(status, { ...headers, 'content-type': JSON_TYPE });
    res.end(MALFORMED_JSON);
  } else if (fault.body === 'empty' || status === 204 || status < 400) {
    res.writeHead(status, status === 204 ? headers : { ...headers, 'content-type': JSON_TYPE, 'content-length': '0' });
    res.end();
  } else {
    sendJson(res, status, { status_code: status, error: reasonPhrase(status), error_description: 'Injected fault' }, headers);
  }
}
