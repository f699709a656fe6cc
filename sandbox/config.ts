import path from 'node:path';
import { z } from 'zod';

/**
 * Sandbox configuration from the environment, validated once at start-up. Every variable is
 * optional; the defaults match the app's defaults so `npm start` works with no setup.
 */
const origin = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

const EnvSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  SANDBOX_HOST: z.string().min(1).default('localhost'),
  SANDBOX_URL: origin.optional(),
  SANDBOX_DATA_DIR: z.string().min(1).default('.data/sandbox'),
  SANDBOX_ACCESS_TOKEN_TTL: z.coerce.number().int().min(1).max(86_400).default(600),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  CLUBMED_API_KEY: z.string().min(1).default('sandbox-key'),
  APP_URL: z
    .string()
    .default('http://localhost:3000')
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(origin).min(1, 'must list at least one origin')),
  CUSTOMER_CLIENT_ID: z.string().min(1).default('profile-app'),
  CUSTOMER_CLIENT_SECRET: z.string().min(1).default('sandbox-customer-secret'),
  STAFF_CLIENT_ID: z.string().min(1).default('profile-app-staff'),
  STAFF_CLIENT_SECRET: z.string().min(1).default('sandbox-staff-secret'),
});

export type SandboxConfig = {
  port: number;
  host: string;
  /** Public base URL; issuers are `${baseUrl}/customers` and `${baseUrl}/staff`. */
  baseUrl: string;
  dataDir: string;
  accessTokenTtl: number;
  latencyMs: number;
  apiKey: string;
  appUrls: string[];
  customerClient: { id: string; secret: string };
  staffClient: { id: string; secret: string };
};

/** Audience of every access token, and the only one the customer API accepts. */
export const API_AUDIENCE = 'clubmed-customer-api';
/** Resource indicator (must be an absolute URI) that maps to {@link API_AUDIENCE}. */
export const API_RESOURCE = 'urn:clubmed:customer-api';
export const ISSUER_PATHS = { customer: '/customers', staff: '/staff' } as const;
export type Realm = keyof typeof ISSUER_PATHS;

export function loadConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new Error(`Invalid sandbox configuration. Fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.SANDBOX_PORT,
    host: e.SANDBOX_HOST,
    baseUrl: e.SANDBOX_URL ?? `http://localhost:${e.SANDBOX_PORT}`,
    dataDir: path.resolve(e.SANDBOX_DATA_DIR),
    accessTokenTtl: e.SANDBOX_ACCESS_TOKEN_TTL,
    latencyMs: e.SANDBOX_LATENCY_MS,
    apiKey: e.CLUBMED_API_KEY,
    appUrls: e.APP_URL,
    customerClient: { id: e.CUSTOMER_CLIENT_ID, secret: e.CUSTOMER_CLIENT_SECRET },
    staffClient: { id: e.STAFF_CLIENT_ID, secret: e.STAFF_CLIENT_SECRET },
  };
}

export function issuerUrl(config: SandboxConfig, realm: Realm): string {
  return `${config.baseUrl}${ISSUER_PATHS[realm]}`;
}
