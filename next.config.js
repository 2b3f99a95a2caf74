/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WASM Postgres; keep it out of the server bundle so it loads its own assets.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
