import { SERVER_EXTERNAL_PACKAGES } from "./scripts/server-externals.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers must be loaded by Node, not bundled.
  serverExternalPackages: SERVER_EXTERNAL_PACKAGES,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Next 16 loads every page's server module when the server starts (true by default); false
    // loads each on its first request. scripts/serve.mjs measured 223 → 197 MB resident idle on
    // PostgreSQL; the first request of each page pays its module's load instead.
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
