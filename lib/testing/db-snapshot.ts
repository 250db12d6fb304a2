// A fingerprint of every table of the test database (row count and a hash of all rows), read
// through information_schema so a table added later is covered without touching this file.
// Suites take one before and after requests that must change nothing, and compare.

import { db } from "../db";

/**
 * Columns that change on reads by design: a token's last use is recorded on every request, and a
 * user's last activity at most every 15 minutes (lib/domain/users/note-activity.ts), refused or not.
 */
const VOLATILE = new Set(["personal_access_tokens.last_use_time", "users.last_active_time"]);

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

let statements: Promise<string[]> | undefined;

async function tableQueries(): Promise<string[]> {
  const prisma = await db();
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
    ORDER BY c.table_name, c.ordinal_position`;
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    if (VOLATILE.has(`${table_name}.${column_name}`)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  return [...byTable].map(
    ([table, cols]) =>
      `SELECT '${table.replaceAll("'", "''")}' AS t, count(*)::int AS n, ` +
      `coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') AS h FROM (SELECT ${cols.map(quote).join(", ")} FROM ${quote(table)}) r`,
  );
}

/** `table → "rows:hash"` for every table of the current schema. */
export async function snapshotTables(): Promise<Record<string, string>> {
  statements ??= tableQueries();
  const prisma = await db();
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>((await statements).join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The names of the tables of the current schema (for dumps). */
export async function tableNames(): Promise<string[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  return rows.map((r) => r.table_name);
}
