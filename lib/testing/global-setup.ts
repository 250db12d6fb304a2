// Integration tests run against PostgreSQL (TEST_DATABASE_URL, default the local server). Once per
// run, a template database is created and migrated; each test file then clones it (CREATE DATABASE
// … TEMPLATE, fast) and drops its clone at the end. Only databases this run created are dropped.

import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const template = `wsa_test_tpl_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const { migrate } = (await import("../../scripts/migrate.mjs")) as { migrate: (url: string) => Promise<unknown> };
  await migrate(databaseUrl(template));
  project.provide("templateDatabase", template);
  project.provide("adminDatabaseUrl", ADMIN_URL);

  return async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    adminDatabaseUrl: string;
  }
}
