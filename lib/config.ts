import 'server-only';
import { z } from 'zod';

/**
 * Server configuration, validated once. Defaults run against the embedded sandbox; production
 * sets the Club Med URLs, key, issuers and secrets (see README, "Pointing at Club Med").
 */
const url = z.url({ protocol: /^https?$/ });

const ConfigSchema = z.object({
  APP_URL: url.default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 33`)'),
  CLUBMED_API_BASE_URL: url.default('http://localhost:4000'),
  CLUBMED_API_KEY: z.string().min(1).default('sandbox-key'),
  CLUBMED_DEFAULT_MARKET: z.string().min(2).default('fr-FR'),
  SAVE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  CUSTOMER_ISSUER: url.default('http://localhost:4000/customers'),
  CUSTOMER_CLIENT_ID: z.string().min(1).default('profile-app'),
  CUSTOMER_CLIENT_SECRET: z.string().min(1).default('sandbox-customer-secret'),
  STAFF_ISSUER: url.default('http://localhost:4000/staff'),
  STAFF_CLIENT_ID: z.string().min(1).default('profile-app-staff'),
  STAFF_CLIENT_SECRET: z.string().min(1).default('sandbox-staff-secret'),
  APP_DATA_DIR: z.string().min(1).default('.data/app'),
});

export type Config = z.infer<typeof ConfigSchema>;

let cached: Config | undefined;

export function getConfig(): Config {
  if (cached) return cached;
  const parsed = ConfigSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new Error(`Invalid configuration. Fix these environment variables:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}
