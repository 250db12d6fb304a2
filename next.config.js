import { SERVER_EXTERNAL_PACKAGES } from "./scripts/server-externals.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers must be loaded by Node, not bundled.
  serverExternalPackages: SERVER_EXTERNAL_PACKAGES,
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
