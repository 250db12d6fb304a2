// Serves one PGlite database to many PostgreSQL wire-protocol connections (the pg pool of the
// server process), in the database's own thread. Plain ESM so that it runs without a TypeScript
// loader (scripts/embedded-db.mjs starts it).
//
// PGlite is one backend with one session, so the connections take turns, and a turn is never cut
// where PostgreSQL's session state would leak from one connection to another:
// - a turn is a whole pipeline (the messages up to Sync or a simple Query), so the unnamed
//   statement and portal one connection parses are bound and executed before another runs;
// - a connection that leaves a transaction open (BEGIN … COMMIT over several round trips), or a
//   pipeline unfinished (Flush), keeps the database until it is back to idle: the others wait
//   rather than run inside its transaction;
// - named prepared statements are per connection in PostgreSQL; here they share one session, so
//   each connection's names are prefixed with its own id (two pools may prepare the same name
//   with different text), and they are deallocated when the connection goes;
// - a connection that goes mid-transaction is rolled back.
// (@electric-sql/pglite-socket's multiplexer interleaves single messages and shares statement
// names between connections, which breaks both of the first and the third points.)

import net from "node:net";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSS_REQUEST = 80877104;

/** The frontend messages that end a turn: Sync and Query end a pipeline; Flush asks for output. */
const SYNC = 0x53; // S
const QUERY = 0x51; // Q
const FLUSH = 0x48; // H
const TERMINATE = 0x58; // X
const PARSE = 0x50; // P
const BIND = 0x42; // B
const DESCRIBE = 0x44; // D
const CLOSE = 0x43; // C

function cstringEnd(buf, offset) {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new Error("malformed message: unterminated string");
  return end;
}

function message(type, body) {
  const out = Buffer.alloc(5 + body.length);
  out[0] = type;
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

const syncMessage = () => message(SYNC, Buffer.alloc(0));
const queryMessage = (sql) => message(QUERY, Buffer.from(`${sql}\0`));
const closeStatementMessage = (name) => message(CLOSE, Buffer.from(`S${name}\0`));

/**
 * Runs frontend messages on PGlite and resolves with the backend's answer, bytes as PostgreSQL
 * sent them. Not `execProtocolRaw`: PGlite 0.5 also parses every answer it returns into message
 * objects there and appends them to a list that only its query() and exec() empty, which this
 * server never calls, so every row ever served stayed in the thread's heap (29,000 DataRow
 * objects and 370,000 strings after 5 s of list requests, and growing) and was parsed for
 * nothing. The streaming variant hands over the bytes only (views of PGlite's memory: copied).
 * It leaves its callback installed, which would swallow a later query()'s answer on this
 * PGlite: `release` below puts PGlite's own back.
 */
async function exchange(db, bytes) {
  const chunks = [];
  await db.execProtocolRawStream(bytes, { onRawData: (chunk) => chunks.push(Buffer.from(chunk)) });
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** Gives PGlite back its own answer handler (`exchange` installs one that outlives its call). */
async function release(db) {
  // execProtocolStream uninstalls the handler when it ends; an empty message runs nothing.
  await db.execProtocolStream(new Uint8Array(0), { throwOnError: false });
}

/**
 * Starts serving `db` (an open PGlite) on `listen` (a unix socket path, or { host, port }).
 * Resolves once listening, with `address` and `close()`.
 */
export async function serveEmbeddedDb(db, listen) {
  let nextId = 1;
  /** The connection whose transaction or unfinished pipeline holds the session, if any. */
  let owner = null;
  /** Turns waiting, oldest first: { conn, bytes, ends } or { conn, cleanup: true }. */
  const turns = [];
  let pumping = false;
  const connections = new Set();

  async function run(turn) {
    const { conn } = turn;
    if (turn.cleanup) {
      // The connection is gone: finish what it left (a pipeline, a transaction) and its statements.
      const parts = [...conn.names].map(closeStatementMessage);
      parts.push(syncMessage());
      await exchange(db, Buffer.concat(parts));
      if (db.isInTransaction()) await exchange(db, queryMessage("ROLLBACK"));
      owner = null;
      return;
    }
    let out;
    try {
      out = await exchange(db, turn.bytes);
    } catch (error) {
      // PGlite itself failed (not an SQL error, which comes back as an ErrorResponse): this
      // connection cannot trust its session any more.
      console.error(`Embedded database: a request failed: ${error?.message ?? error}`);
      owner = null;
      conn.socket.destroy();
      return;
    }
    if (out.length > 0 && !conn.closed) conn.socket.write(out);
    owner = turn.ends && !db.isInTransaction() ? null : conn;
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        // While a connection holds the session only its own turns (and its cleanup) may run.
        const i = owner ? turns.findIndex((t) => t.conn === owner) : 0;
        if (i < 0 || turns.length === 0) break;
        const [turn] = turns.splice(i, 1);
        await run(turn);
      }
    } finally {
      pumping = false;
    }
  }

  function prefixName(conn, msg, offset, track) {
    if (msg[offset] === 0) return msg; // the unnamed statement stays unnamed
    const prefix = Buffer.from(conn.prefix);
    const out = Buffer.concat([msg.subarray(0, offset), prefix, msg.subarray(offset)]);
    out.writeInt32BE(out.length - 1, 1);
    if (track) track(out.subarray(offset, cstringEnd(out, offset)).toString());
    return out;
  }

  /** Gives each connection its own namespace of prepared statement names. */
  function rewrite(conn, msg) {
    switch (msg[0]) {
      case PARSE:
        return prefixName(conn, msg, 5, (name) => conn.names.add(name));
      case BIND:
        return prefixName(conn, msg, cstringEnd(msg, 5) + 1);
      case DESCRIBE:
        return msg[5] === 0x53 ? prefixName(conn, msg, 6) : msg;
      case CLOSE:
        return msg[5] === 0x53 ? prefixName(conn, msg, 6, (name) => conn.names.delete(name)) : msg;
      default:
        return msg;
    }
  }

  function gone(conn) {
    if (conn.closed) return;
    conn.closed = true;
    connections.delete(conn);
    for (let i = turns.length - 1; i >= 0; i--) if (turns[i].conn === conn) turns.splice(i, 1);
    turns.push({ conn, cleanup: true });
    if (owner === conn) {
      // Its cleanup must run next, before anyone else's turn.
      turns.unshift(turns.pop());
    }
    void pump();
  }

  function onData(conn, chunk) {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    for (;;) {
      const buf = conn.buffer;
      if (!conn.started) {
        if (buf.length < 8) return;
        const length = buf.readInt32BE(0);
        if (buf.length < length) return;
        const code = buf.readInt32BE(4);
        conn.buffer = buf.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          conn.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          // No backend to interrupt: a running statement finishes on its own.
          conn.socket.end();
          return;
        }
        conn.started = true;
        turns.push({ conn, bytes: Buffer.from(buf.subarray(0, length)), ends: true });
        void pump();
        continue;
      }
      if (buf.length < 5) return;
      const total = 1 + buf.readInt32BE(1);
      if (buf.length < total) return;
      const msg = Buffer.from(buf.subarray(0, total));
      conn.buffer = buf.subarray(total);
      const type = msg[0];
      if (type === TERMINATE) {
        conn.socket.end();
        gone(conn);
        return;
      }
      conn.pending.push(rewrite(conn, msg));
      if (type === SYNC || type === QUERY || type === FLUSH) {
        turns.push({ conn, bytes: Buffer.concat(conn.pending), ends: type !== FLUSH });
        conn.pending = [];
        void pump();
      }
    }
  }

  const server = net.createServer((socket) => {
    const id = nextId++;
    const conn = { id, prefix: `c${id}_`, socket, buffer: Buffer.alloc(0), pending: [], names: new Set(), started: false, closed: false };
    connections.add(conn);
    socket.setNoDelay(true);
    socket.on("data", (chunk) => {
      try {
        onData(conn, chunk);
      } catch (error) {
        console.error(`Embedded database: dropped a connection: ${error?.message ?? error}`);
        socket.destroy();
      }
    });
    socket.on("error", () => gone(conn));
    socket.on("close", () => gone(conn));
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    if (typeof listen === "string") server.listen(listen, resolve);
    else server.listen(listen.port ?? 0, listen.host ?? "127.0.0.1", resolve);
  });

  return {
    address: server.address(),
    /** Stops accepting, ends every connection and waits for the turns already queued. */
    async close() {
      const ended = [...connections].map((conn) => new Promise((resolve) => conn.socket.once("close", resolve)));
      for (const conn of connections) conn.socket.destroy();
      await Promise.all([new Promise((resolve) => server.close(() => resolve())), ...ended]);
      // Each connection's cleanup turn was queued on its close; let them finish.
      while (pumping || turns.length) await new Promise((r) => setTimeout(r, 5));
      await release(db);
    },
  };
}
