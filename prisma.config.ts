// Prisma CLI configuration (Prisma 7: the datasource URL lives here, not in schema.prisma).
//
// The CLI does not read .env: export DATABASE_URL (a postgresql:// URL) before running
// `prisma migrate …` / `prisma db …`. Without it the config still loads, which is all
// `prisma generate` needs; the app then uses its embedded PGlite database (.data/pglite), which
// `npm run db:migrate` / scripts/migrate.mjs migrates.
//
// The schema engine behind migrate/db commands is the WebAssembly shim installed by
// scripts/install-schema-engine.mjs (postinstall).
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL || undefined;
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL || undefined;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url,
    // Optional: by default the shim creates and drops a temporary shadow database itself.
    ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}),
  },
});
