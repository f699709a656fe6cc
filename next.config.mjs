import createNextIntlPlugin from 'next-intl/plugin';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder lets one build be tested while another is served (bench, manual checks).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native module: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // `next dev` would otherwise write agent files into the repository.
  agentRules: false,
  // `npm test` type-checks once (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    agentUpgrade: false,
    // Large enough that an oversized field reaches the action and gets a field error (F3).
    serverActions: { bodySizeLimit: '4mb' },
  },
};

// Interface languages without locale-prefixed routes: the locale is chosen per request in i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

export default withNextIntl(nextConfig);
