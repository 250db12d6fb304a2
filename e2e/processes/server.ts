// Real server processes for the process suites: a disposable database seeded by seed.ts,
// scripts/serve.mjs (the built app, as `npm start` serves it) on a port of its own with its own environment, and a TCP proxy
// in front of PostgreSQL that the test can cut. Used by e2e/api/*-process.spec.ts.

import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { promisify } from "node:util";
import pg from "pg";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface Person {
  id: string;
  email: string;
  password: string;
  token: string;
}

export interface ProcessWorld {
  dbUrl: string;
  orgId: string;
  workspaceId: string;
  people: Record<string, Person>;
  /** Runs SQL on the world's database (for checks the API does not expose). */
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database with `people` (the first owns an organization with one workspace). */
export async function makeWorld(people: string[]): Promise<ProcessWorld> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/wsa_proc_${randomBytes(5).toString("hex")}`;
  const dbUrl = url.toString();
  const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "e2e/processes/seed.ts", ...people], {
    env: { ...process.env, DATABASE_URL: dbUrl },
  });
  const seeded = JSON.parse(stdout.trim().split("\n").pop()!);
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  // An idle connection ended by the server (a backend terminated by an administrator command)
  // is an 'error' event on the pool; unhandled, it failed whichever test was running. The pool
  // drops that client and the next query connects anew; a query's own failure still rejects.
  pool.on("error", () => {});
  return {
    dbUrl,
    ...seeded,
    sql: async (text, values) => (await pool.query(text, values)).rows,
    async drop() {
      await pool.end();
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed, for failure messages and log checks. */
  output(): string;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  port: number;
  dbUrl: string;
  /** Shared by every instance of one deployment. */
  secret?: string;
  env?: Record<string, string>;
}

const SHARED_SECRET = randomBytes(32).toString("base64url");
const SHARED_CREDENTIALS_KEY = randomBytes(32).toString("base64");

/** Starts scripts/serve.mjs on `port` and waits until /api/health answers. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const { port } = options;
  const url = `http://localhost:${port}`;
  const busy = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${port} is already served (a server left over from an earlier run?)`);
  let log = "";
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: options.dbUrl,
      NEXTAUTH_SECRET: options.secret ?? SHARED_SECRET,
      CREDENTIALS_KEY: SHARED_CREDENTIALS_KEY,
      NEXTAUTH_URL: url,
      JOBS: "off",
      RATE_LIMIT_API_PER_MINUTE: "100000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If the test process dies first, its servers go with it (no orphan holding the port).
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  void exited.then(() => process.off("exit", reap));
  const server: ServerProcess = {
    url,
    port,
    child,
    output: () => log,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited at start:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.kill("SIGKILL");
  throw new Error(`server on ${port} did not answer /api/health within 60 s:\n${log}`);
}

/** A loopback TCP proxy to PostgreSQL that can be cut: live connections reset, new ones refused. */
export class CuttableProxy {
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private open = true;

  constructor(
    readonly port: number,
    private readonly target = { host: "127.0.0.1", port: 5432 },
  ) {
    this.server = net.createServer((client) => {
      if (!this.open) {
        client.resetAndDestroy();
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      for (const s of [client, upstream]) s.on("error", end).on("close", end);
    });
  }

  listen(): Promise<this> {
    return new Promise((resolve) => this.server.listen(this.port, "127.0.0.1", () => resolve(this)));
  }

  /** The database URL through this proxy. */
  via(dbUrl: string): string {
    const u = new URL(dbUrl);
    u.host = `127.0.0.1:${this.port}`;
    return u.toString();
  }

  cut(): void {
    this.open = false;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.open = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
