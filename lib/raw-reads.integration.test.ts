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
import { createPrismaClient, rawRunnerOf, type OpenClient } from "./prisma-client";

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
