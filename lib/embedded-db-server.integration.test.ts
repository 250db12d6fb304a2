// The embedded database served over the PostgreSQL wire protocol (lib/embedded-db-server.mjs):
// many pg connections share PGlite's one session without seeing each other's statements or
// transactions; and the database thread (scripts/embedded-db.mjs) that `npm start` runs.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedDbHolder } from "./embedded-db-folder.mjs";
import { serveEmbeddedDb, type EmbeddedDbServer } from "./embedded-db-server.mjs";
import { startEmbeddedDatabase } from "../scripts/embedded-db.mjs";

describe("the embedded database's wire protocol server", () => {
  let dir: string;
  let db: PGlite;
  let server: EmbeddedDbServer;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "wsa-embedded-server-"));
    db = await PGlite.create();
    server = await serveEmbeddedDb(db, path.join(dir, ".s.PGSQL.5432"));
    url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
    await db.exec("CREATE TABLE t (id int PRIMARY KEY, v text)");
  });

  async function twoClients() {
    const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all(clients.map((c) => c.connect()));
    return clients;
  }

  afterAll(async () => {
    await server.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers concurrent queries of many connections, each with its own result", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    try {
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => pool.query("SELECT $1::int * 2 AS v, pg_sleep(0) AS s", [i])));
      expect(results.map((r) => r.rows[0].v)).toEqual(Array.from({ length: 60 }, (_, i) => i * 2));
    } finally {
      await pool.end();
    }
  });

  it("keeps named prepared statements per connection (the same name, different text)", async () => {
    const [a, b] = await twoClients();
    try {
      const runs = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 ? a.query({ name: "hot", text: "SELECT 'a' || $1::text AS v", values: [i] }) : b.query({ name: "hot", text: "SELECT 'b' || $1::text AS v", values: [i] }),
        ),
      );
      expect(runs.map((r) => r.rows[0].v)).toEqual(Array.from({ length: 20 }, (_, i) => `${i % 2 ? "a" : "b"}${i}`));
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it("runs another connection's statements only after an open transaction ends, never inside it", async () => {
    const [a, b] = await twoClients();
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO t VALUES (1, 'uncommitted')");
      let answered = false;
      const read = b.query("SELECT count(*)::int AS n FROM t").then((r) => {
        answered = true;
        return r.rows[0].n;
      });
      await new Promise((r) => setTimeout(r, 150));
      expect(answered).toBe(false);
      await a.query("ROLLBACK");
      expect(await read).toBe(0);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it("rolls back the transaction of a connection that goes away, and the others go on", async () => {
    const [a, b] = await twoClients();
    a.on("error", () => {});
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO t VALUES (2, 'lost')");
      const read = b.query("SELECT count(*)::int AS n FROM t WHERE id = 2");
      (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      expect((await read).rows[0].n).toBe(0);
      await b.query("INSERT INTO t VALUES (2, 'kept')");
      expect((await b.query("SELECT v FROM t WHERE id = 2")).rows).toEqual([{ v: "kept" }]);
    } finally {
      await b.end();
    }
  });

  it("reports an SQL error to its connection only, and that connection stays usable", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const [bad, good] = await Promise.allSettled([pool.query("SELECT * FROM no_such_table"), pool.query("SELECT 1 AS one")]);
      expect(bad.status).toBe("rejected");
      expect((bad as PromiseRejectedResult).reason.code).toBe("42P01");
      expect(good.status === "fulfilled" && good.value.rows).toEqual([{ one: 1 }]);
      expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    } finally {
      await pool.end();
    }
  });
});

describe("the embedded database's wire protocol server over time", () => {
  it("keeps nothing of the answers it has sent, and gives PGlite back as it was when closed", { timeout: 60_000 }, async () => {
    v8.setFlagsFromString("--expose-gc");
    const collect = vm.runInNewContext("gc") as () => void;
    const dir = mkdtempSync(path.join(tmpdir(), "wsa-embedded-server-"));
    const db = await PGlite.create();
    const server = await serveEmbeddedDb(db, path.join(dir, ".s.PGSQL.5432"));
    const client = new pg.Client({ connectionString: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}` });
    try {
      await client.connect();
      const page = { name: "page", text: "SELECT g AS n, md5(g::text) AS v FROM generate_series(1, 200) g WHERE g > $1" };
      const serve = async (times: number) => {
        for (let i = 0; i < times; i++) expect((await client.query({ ...page, values: [0] })).rowCount).toBe(200);
      };
      await serve(100); // warm-up: the statement, pg's and PGlite's buffers
      collect();
      const before = process.memoryUsage().heapUsed;
      await serve(1500); // 300,000 rows
      collect();
      // Kept parsed (as PGlite's execProtocolRaw does with every answer), these rows held ~60 MB, and serving them took twice as long.
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(8 * 1024 * 1024);
      await client.end();
      await server.close();
      // PGlite's own protocol calls answer again (the server's answer handler is gone).
      const sql = Buffer.from("SELECT 3 AS n\0");
      const query = Buffer.concat([Buffer.from([0x51, 0, 0, 0, 0]), sql]);
      query.writeInt32BE(4 + sql.length, 1);
      const answer = await db.execProtocol(query);
      expect(answer.messages.map((m) => m.name)).toContain("dataRow");
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the embedded database thread", () => {
  it("holds the data folder while it runs, serves pg through its socket, and closes PGlite when stopped", { timeout: 90_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), "wsa-embedded-thread-"));
    const dir = path.join(root, "pglite");
    const embedded = await startEmbeddedDatabase({ dir });
    try {
      // The lock names this process: another process sees the folder held by it.
      expect(readFileSync(`${dir}.lock`, "utf8").trim()).toBe(String(process.pid));
      const pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
      await pool.query("CREATE TABLE kept (v int)");
      await pool.query("INSERT INTO kept SELECT generate_series(1, 3)");
      expect((await pool.query("SELECT count(*)::int AS n FROM kept")).rows[0].n).toBe(3);
      await pool.end();
      // A second opener of the folder in this process is refused, as one in another process is.
      await expect(startEmbeddedDatabase({ dir })).rejects.toThrow(/already open in this process/);
    } finally {
      await embedded.stop();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    expect(embeddedDbHolder(dir)).toBeUndefined();
    const reopened = await PGlite.create(dir);
    expect((await reopened.query<{ n: number }>("SELECT count(*)::int AS n FROM kept")).rows[0].n).toBe(3);
    await reopened.close();
    rmSync(root, { recursive: true, force: true });
  });
});
