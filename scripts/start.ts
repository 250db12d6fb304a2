// `npm start`, first step: builds the app when its sources changed, prepares the database
// (migrations on PostgreSQL when DATABASE_URL is set; the embedded PGlite database under .data/
// otherwise, with demo data on first start) and the secrets in .data/, then exits. npm then
// execs scripts/serve.mjs, the one process that serves on $PORT (default 3000).

import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/prisma-client";
import { provideDb } from "../lib/db";
import { embeddedDataDir } from "../lib/embedded-db-folder.mjs";

const root = process.cwd();
const dataDir = path.join(root, ".data");
const port = process.env.PORT ?? "3000";

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        hash.update(`${full}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) walk(path.join(root, dir));
  for (const file of ["next.config.js", "package.json", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(`${file}:${statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const stamp = path.join(root, ".next", ".source-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;
  console.log("Building the app (first start or changed sources)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, fingerprint);
}

/** The REST API's node edge that serve.mjs imports, bundled beside the Next build. */
async function buildEdgeIfNeeded(): Promise<void> {
  const { buildEdge, edgeIsCurrent } = await import("./build-edge.mjs");
  if (!edgeIsCurrent(root)) await buildEdge(root);
}

/** NEXTAUTH_SECRET from the environment, else one generated once and kept in .data/. */
function ensureSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * CREDENTIALS_KEY from the environment; for the embedded database (one machine, a demo or a
 * trial) one is generated once into .data/ like the session secret. With PostgreSQL the operator
 * sets it, so that every instance seals with the same key and the key is not kept beside backups.
 */
function ensureCredentialsKey(): string | undefined {
  if (process.env.CREDENTIALS_KEY) return process.env.CREDENTIALS_KEY;
  if (process.env.DATABASE_URL) return undefined;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "credentials-key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

/** Refuses to start when stored credentials cannot be opened with the configured keys. */
async function checkCredentials(): Promise<void> {
  const { checkCredentialsKey } = await import("../lib/domain/credentials/check-credentials-key");
  const { db } = await import("../lib/db");
  const status = await checkCredentialsKey(await db());
  if (status.onOlderKeys > 0) {
    console.log(`${status.onOlderKeys} OAuth credential(s) are sealed under an older key; run \`npm run cli -- credentials:reseal\`.`);
  }
}

async function prepareDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { migrate } = (await import("./migrate.mjs")) as { migrate: (url: string) => Promise<unknown> };
    await migrate(url);
  }
  const client = await createPrismaClient(url);
  try {
    provideDb(client.prisma);
    if (!url || process.env.SEED_DEMO === "1") {
      const { seedDemo } = await import("../prisma/seed");
      const seeded = await seedDemo();
      if (seeded) {
        console.log("\nDemo data created. Sign in at http://localhost:" + port + "/login with:");
        for (const l of seeded.logins) console.log(`  ${l.email}  password: ${l.password}   (${l.role})`);
        console.log(`API token of admin@example.com for organization ${seeded.organizationId}:`);
        console.log(`  ${seeded.adminToken}`);
        console.log("These passwords and the token are shown only now; they are stored only as hashes.\n");
      }
    }
    await checkCredentials();
  } finally {
    await client.close();
  }
}

/** A folder as the user would type it from the checkout: relative inside it, absolute elsewhere. */
function shownPath(dir: string): string {
  const rel = path.relative(root, dir);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dir;
}

async function main() {
  process.env.NEXTAUTH_SECRET = ensureSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  const credentialsKey = ensureCredentialsKey();
  if (credentialsKey) process.env.CREDENTIALS_KEY = credentialsKey;
  buildIfNeeded();
  await buildEdgeIfNeeded();
  await prepareDatabase();
  console.log(
    process.env.DATABASE_URL
      ? "Database: PostgreSQL (DATABASE_URL)."
      : `Database: embedded PGlite in ${shownPath(embeddedDataDir())}/ (set DATABASE_URL to use PostgreSQL).`,
  );
  // The server itself is scripts/serve.mjs, which `npm start` execs once this process has exited.
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Start failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
