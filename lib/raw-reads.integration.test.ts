// The request path's reads skip Prisma's engine (lib/db.ts queryRows): on PostgreSQL they are
// named statements on the client's own pool, on the embedded database `pglite.query`. Either way
// the rows must be what Prisma's $queryRaw gave for the same statement (dates as Date, arrays,
// JSON, integers, booleans, NULLs, array parameters), and on PostgreSQL the statement is
// prepared once per connection under a name, as Prisma's own statements now are.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { createPrismaClient, rawRunnerOf, rawTransactionOf, type OpenClient } from "./prisma-client";
import { isUniqueViolation } from "./domain/workspaces/workspace-changes";

const probe = (ids: string[]) => Prisma.sql`
  SELECT now() - interval '1 day' < now() AS "isTrue", TIMESTAMPTZ '2026-01-02T03:04:05.678Z' AS "at",
         ARRAY['org-admin', 'x']::text[] AS roles, '{"a": [1, {"b": null}]}'::jsonb AS doc,
         3::int AS n, NULL::text AS "nothing", NULL::text[] AS "noRoles",
         (SELECT count(*)::int FROM unnest(${ids}::text[]) AS u(id) WHERE u.id = ANY(${ids}::text[])) AS matched,
         ${"text with 'quotes' and \u00e9"}::text AS echoed`;

async function sameAsPrisma(client: OpenClient) {
  const run = rawRunnerOf(client.prisma);
  expect(run, "createPrismaClient gives its client a raw runner").toBeDefined();
  const statement = probe(["a", "b", "c"]);
  const viaPrisma = await client.prisma.$queryRaw<Record<string, unknown>[]>(statement);
  const raw = await run!<Record<string, unknown>>(statement);
  expect(raw).toEqual(viaPrisma);
  expect(raw[0]).toMatchObject({ isTrue: true, roles: ["org-admin", "x"], doc: { a: [1, { b: null }] }, n: 3, nothing: null, noRoles: null, matched: 3 });
  expect(raw[0].at).toEqual(new Date("2026-01-02T03:04:05.678Z"));
  const iso = await run!<Record<string, unknown>>(statement, { isoTimestamps: true });
  expect(iso).toEqual(viaPrisma.map((row) => ({ ...row, at: (row.at as Date).toISOString() })));
}

// Times of every fraction length, a two-digit year and a BC date, as text and as Dates.
const times = Prisma.sql`
  SELECT t, t::text AS "asText" FROM unnest(ARRAY['2026-01-02 03:04:05+00', '2026-01-02 03:04:05.6+00', '2026-01-02 03:04:05.678912+00',
    '1999-12-31 23:59:59.999999+00', '0050-06-01 00:00:00.25+00', '0044-03-15 12:00:00+00 BC']::timestamptz[]) AS u(t)`;

/** `isoTimestamps` rows hold exactly what toISOString writes for the Date the driver parses. */
async function isoAsDates(run: NonNullable<ReturnType<typeof rawRunnerOf>>) {
  const asDates = await run<{ t: Date; asText: string }>(times);
  const asIso = await run<{ t: string; asText: string }>(times, { isoTimestamps: true });
  expect(asIso).toEqual(asDates.map((row) => ({ ...row, t: row.t.toISOString() })));
  return asIso;
}

describe("raw reads on PostgreSQL", () => {
  let client: OpenClient | undefined;
  afterAll(async () => {
    await client?.close();
    delete process.env.DATABASE_POOL_SIZE;
  });

  it("return the rows Prisma's $queryRaw returns", async () => {
    client = await createPrismaClient(process.env.DATABASE_URL);
    await sameAsPrisma(client);
  });

  it("are found by another copy of the module too (the node edge's bundle beside Next's chunks share one client)", async () => {
    vi.resetModules();
    const otherCopy = (await import("./prisma-client")) as typeof import("./prisma-client");
    expect(otherCopy.rawRunnerOf).not.toBe(rawRunnerOf);
    const run = otherCopy.rawRunnerOf(client!.prisma);
    expect(run).toBeDefined();
    expect(await run!<{ n: number }>(Prisma.sql`SELECT 1::int AS n`)).toEqual([{ n: 1 }]);
  });

  it("are named statements, prepared once per connection, as Prisma's own statements are", async () => {
    await client?.close();
    // One connection, so the prepared statements seen are the ones this client made.
    process.env.DATABASE_POOL_SIZE = "1";
    client = await createPrismaClient(process.env.DATABASE_URL);
    const run = rawRunnerOf(client.prisma)!;
    for (let i = 0; i < 3; i++) await run(probe(["x"]));
    await client.prisma.user.findMany({ where: { id: "usr_none" }, select: { id: true } });
    const prepared = await run<{ name: string; statement: string }>(Prisma.sql`SELECT name, statement FROM pg_prepared_statements`);
    const probes = prepared.filter((p) => p.statement.includes('AS "isTrue"'));
    expect(probes).toHaveLength(1);
    expect(probes[0].name).toMatch(/^wsa_/);
    expect(prepared.some((p) => /FROM "public"\."users"/.test(p.statement) && p.name.startsWith("wsa_"))).toBe(true);
  });

  it("give timestamps as the text toISOString writes when asked (isoTimestamps), in UTC and in another session time zone", async () => {
    const run = rawRunnerOf(client!.prisma)!;
    expect((await isoAsDates(run))[2].t).toBe("2026-01-02T03:04:05.678Z");
    // The pool has one connection here: the session's time zone is this connection's.
    await run(Prisma.sql`SET TIME ZONE 'America/St_Johns'`);
    try {
      const rows = await isoAsDates(run);
      expect(rows[2]).toEqual({ t: "2026-01-02T03:04:05.678Z", asText: "2026-01-01 23:34:05.678912-03:30" });
    } finally {
      await run(Prisma.sql`RESET TIME ZONE`);
    }
  });

  it("survive the server ending an idle pooled connection, also once Prisma has let go of the pool: the next read reconnects", async () => {
    const run = rawRunnerOf(client!.prisma)!;
    const [{ pid }] = await run<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
    // Prisma's adapter listens for the pool's errors only while connected (closing a client
    // disconnects Prisma before it ends the pool). Ended from another connection while this one
    // sits idle: with no listener of the pool's own, the pool's 'error' event is an uncaught
    // exception that ends the process (vitest fails the run on it).
    await client!.prisma.$disconnect();
    const admin = await createPrismaClient(process.env.DATABASE_URL);
    try {
      await rawRunnerOf(admin.prisma)!(Prisma.sql`SELECT pg_terminate_backend(${pid}::int)`);
    } finally {
      await admin.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [{ pid: next }] = await run<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
    expect(next).not.toBe(pid);
  });
});

describe("raw reads on the embedded database (PGlite in this process)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wsa-raw-pglite-"));
  let client: OpenClient | undefined;
  afterAll(async () => {
    await client?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("return the rows Prisma's $queryRaw returns", async () => {
    const previous = process.env.PGLITE_DIR;
    process.env.PGLITE_DIR = path.join(dir, "pglite");
    try {
      client = await createPrismaClient(undefined);
    } finally {
      if (previous === undefined) delete process.env.PGLITE_DIR;
      else process.env.PGLITE_DIR = previous;
    }
    await sameAsPrisma(client);
  }, 120_000);
});

// batchCreate's transaction (lib/db sqlTransaction) runs on PostgreSQL as a raw transaction on a
// pooled connection: all or nothing like Prisma's, with rows read as Prisma's transaction client
// reads them for the same SQL, and a refused statement reported with PostgreSQL's code.
describe("raw transactions on PostgreSQL", () => {
  let client: OpenClient | undefined;
  afterAll(async () => {
    await client?.close();
  });

  it("commit what fn did, roll back everything when it throws, and leave the connection usable", async () => {
    client = await createPrismaClient(process.env.DATABASE_URL);
    const transaction = rawTransactionOf(client.prisma)!;
    expect(transaction, "createPrismaClient gives its PostgreSQL client raw transactions").toBeDefined();
    await client.prisma.$executeRawUnsafe(`CREATE TABLE raw_tx_probe (id text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`);

    const sessions = await transaction(async (sql) => {
      await sql.$executeRawUnsafe(`INSERT INTO raw_tx_probe (id) SELECT unnest($1::text[])`, ["kept-1", "kept-2"]);
      return sql.$queryRawUnsafe<{ pid: number; xid: string }[]>(`SELECT pg_backend_pid() AS pid, txid_current()::text AS xid FROM generate_series(1, 2)`);
    });
    // Every statement of fn ran in one transaction on one connection.
    expect(new Set(sessions.map((s) => `${s.pid}/${s.xid}`)).size).toBe(1);

    const failure = new Error("stop here");
    await expect(
      transaction(async (sql) => {
        expect(await sql.$executeRawUnsafe(`INSERT INTO raw_tx_probe (id) VALUES ($1)`, "dropped")).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    const refused = await transaction(async (sql) => {
      await sql.$executeRawUnsafe(`INSERT INTO raw_tx_probe (id) VALUES ($1)`, "dropped-too");
      await sql.$executeRawUnsafe(`INSERT INTO raw_tx_probe (id) VALUES ($1)`, "kept-1");
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(refused)).toBe(true);

    const ids = (await client.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM raw_tx_probe ORDER BY id`)).map((r) => r.id);
    expect(ids).toEqual(["kept-1", "kept-2"]);
  });

  it("fail, without ending the process, when the server ends the connection between two statements; the next one runs", async () => {
    client ??= await createPrismaClient(process.env.DATABASE_URL);
    const transaction = rawTransactionOf(client.prisma)!;
    const outcome = await transaction(async (sql) => {
      const [{ pid }] = await sql.$queryRawUnsafe<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid`);
      await client!.prisma.$executeRawUnsafe(`SELECT pg_terminate_backend($1)`, pid);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the end arrives while fn works
      await sql.$queryRawUnsafe(`SELECT 1`);
    }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Error);
    expect(await transaction((sql) => sql.$queryRawUnsafe<{ ok: number }[]>(`SELECT 1 AS ok`))).toEqual([{ ok: 1 }]);
  });

  it("read rows as Prisma's transaction client reads them", async () => {
    client ??= await createPrismaClient(process.env.DATABASE_URL);
    const statement = probe(["a", "b", "c"]);
    const viaPrisma = await client.prisma.$transaction((tx) => tx.$queryRawUnsafe<Record<string, unknown>[]>(statement.text, ...statement.values));
    const raw = await rawTransactionOf(client.prisma)!((sql) => sql.$queryRawUnsafe<Record<string, unknown>[]>(statement.text, ...statement.values));
    expect(raw).toEqual(viaPrisma);
    expect(raw[0]).toMatchObject({ roles: ["org-admin", "x"], doc: { a: [1, { b: null }] }, n: 3, matched: 3 });
  });
});
