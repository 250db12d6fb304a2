// Packages the server loads from node_modules instead of bundling: native and WebAssembly
// database drivers (and what wraps them), argon2, mail. Next reads them (next.config.js
// serverExternalPackages) and so does the API edge's bundle (scripts/build-edge.mjs).
export const SERVER_EXTERNAL_PACKAGES = [
  "@electric-sql/pglite",
  "@electric-sql/pglite-socket",
  "pglite-prisma-adapter",
  "@node-rs/argon2",
  "pg",
  "nodemailer",
];
