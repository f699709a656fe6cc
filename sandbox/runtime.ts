import type { SandboxConfig } from './config';

/**
 * Settings the test hooks may change while the sandbox runs. They start from the configuration,
 * and `POST /__sandbox/reset` puts them back.
 */
export class RuntimeSettings {
  private accessTokenTtlOverride: number | null = null;

  constructor(private readonly config: Pick<SandboxConfig, 'accessTokenTtl'>) {}

  /** Lifetime, in seconds, of the access tokens issued from now on. */
  get accessTokenTtl(): number {
    return this.accessTokenTtlOverride ?? this.config.accessTokenTtl;
  }

  /** `null` restores the configured lifetime (SANDBOX_ACCESS_TOKEN_TTL). */
  setAccessTokenTtl(seconds: number | null): void {
    this.accessTokenTtlOverride = seconds;
  }

  describeAccessTokenTtl() {
    return { seconds: this.accessTokenTtl, configured: this.config.accessTokenTtl, overridden: this.accessTokenTtlOverride !== null };
  }

  reset(): void {
    this.accessTokenTtlOverride = null;
  }
}
