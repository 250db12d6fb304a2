// Runs in each integration test file: clones the migrated template into a database of this file's
// own, points the app's Prisma client at it, and drops it when the file is done.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type OpenClient } from "../prisma-client";
import { provideDb } from "../db";

let client: OpenClient | undefined;
let name: string | undefined;

function urlFor(database: string): string {
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  name = `wsa_test_${randomBytes(6).toString("hex")}`;
  const template = inject("templateDatabase");
  // CREATE DATABASE … TEMPLATE needs the template to have no other sessions; files start in parallel.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (e) {
      if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  process.env.DATABASE_URL = urlFor(name);
  client = await createPrismaClient(process.env.DATABASE_URL);
  provideDb(client.prisma);
});

afterAll(async () => {
  await client?.close();
  if (name) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});
