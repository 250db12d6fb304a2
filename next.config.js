/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database drivers must be loaded by Node, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "nodemailer",
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
