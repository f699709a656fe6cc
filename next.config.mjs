/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native module: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // `npm test` type-checks once (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: '4mb' },
  },
};

export default nextConfig;
