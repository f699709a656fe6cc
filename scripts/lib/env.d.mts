// Types for env.mjs, which TypeScript code (playwright.config.ts, e2e/) imports.
type Env = Record<string, string | undefined>;

export declare const TEST_PORTS: { app: number; sandbox: number };
export declare const TEST_DATA_DIRS: { app: string; sandbox: string };
export declare const SANDBOX_API_KEY: string;
export declare const DEMO_ACCOUNTS: { role: 'customer' | 'staff'; email: string; password: string }[];

export declare function readDotEnvLocal(root?: string): Record<string, string>;
export declare function persistentAuthSecret(root?: string): string;

export interface ProcessEnvs {
  /** Full environment of the app process (`next start` / `next dev` / `next build`). */
  app: Env;
  /** Full environment of the sandbox process. */
  sandbox: Env;
  ports: { app: number; sandbox: number };
  appUrl: string;
  sandboxUrl: string;
  usesSandbox: boolean;
  /** Local URLs that answer once each process is ready. */
  readiness: { app: string; sandbox: string };
  /** Only the variables env.mjs decides, per process. */
  decided: { app: Record<string, string>; sandbox: Record<string, string> };
}

export declare function buildEnv(options?: {
  profile?: 'start' | 'test';
  root?: string;
  processEnv?: Env;
}): ProcessEnvs;
