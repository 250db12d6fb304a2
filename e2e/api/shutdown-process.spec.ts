// Stopping a real server process (scripts/serve.mjs, as `npm start` runs it): a request in flight
// when SIGTERM arrives may still finish, a client that never finishes its request cannot keep the
// server up past SHUTDOWN_GRACE_MS, the same signal delivered twice at once is one graceful stop,
// and a second signal a second later stops it at once. Before this, a request
// whose body never came held `server.close()` open until Node's 5-minute request timeout.

import net from "node:net";
import { expect, test } from "@playwright/test";
import { makeWorld, startServer, type ProcessWorld, type ServerProcess } from "../processes/server";

// Ports beside the suite's own (E2E_PORT, default 3100), so two checkouts can run the suite at once.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 35;

let world: ProcessWorld;
let server: ServerProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  world = await makeWorld(["stopadmin"]);
});

test.afterEach(async () => {
  await server?.kill("SIGKILL");
  server = undefined;
});

test.afterAll(async () => {
  await world?.drop();
});

/** A create request whose JSON body is sent only up to `sent` bytes of `body`; the rest is up to the test. */
async function openCreate(title: string, sent: number): Promise<{ socket: net.Socket; body: Buffer; answer: Promise<string> }> {
  const body = Buffer.from(JSON.stringify({ title }));
  const socket = net.connect(PORT, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let received = "";
  socket.on("data", (d) => (received += d.toString()));
  const answer = new Promise<string>((resolve) => socket.once("close", () => resolve(received)));
  socket.write(
    `POST /api/v1/organizations/${world.orgId}/workspaces HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n` +
      `Authorization: Bearer ${world.people.stopadmin.token}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\n\r\n`,
  );
  socket.write(body.subarray(0, sent));
  return { socket, body, answer };
}

const exitOf = (s: ServerProcess) =>
  new Promise<{ code: number | null; at: number }>((resolve) => {
    if (s.child.exitCode !== null) resolve({ code: s.child.exitCode, at: Date.now() });
    else s.child.once("exit", (code) => resolve({ code, at: Date.now() }));
  });

test("a request in flight at SIGTERM finishes, then the server exits 0", async () => {
  server = await startServer({ port: PORT, dbUrl: world.dbUrl, env: { SHUTDOWN_GRACE_MS: "20000" } });
  const title = `Finished while stopping ${Date.now()}`;
  const { socket, body, answer } = await openCreate(title, 5);
  await new Promise((r) => setTimeout(r, 300)); // the server is reading the body
  const exited = exitOf(server);
  server.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  expect(server.child.exitCode).toBeNull(); // still waiting for the request
  const completed = Date.now();
  socket.write(body.subarray(5));
  const response = await answer;
  expect(response).toMatch(/^HTTP\/1\.1 201 /);
  expect(response).toContain(title);
  const { code, at } = await exited;
  expect(code).toBe(0);
  // Its kept-alive connection was closed once answered, not after the 5 s keep-alive timeout.
  expect(at - completed).toBeLessThan(3000);
  expect(await world.sql(`SELECT 1 FROM workspaces WHERE title = $1`, [title])).toHaveLength(1);
});

test("a request that never finishes holds the stop for SHUTDOWN_GRACE_MS only", async () => {
  server = await startServer({ port: PORT, dbUrl: world.dbUrl, env: { SHUTDOWN_GRACE_MS: "1500" } });
  const { answer } = await openCreate("Never finished", 5);
  await new Promise((r) => setTimeout(r, 300));
  const exited = exitOf(server);
  const signalled = Date.now();
  server.child.kill("SIGTERM");
  const { code, at } = await exited;
  expect(code).toBe(0);
  expect(at - signalled).toBeGreaterThanOrEqual(1400);
  expect(at - signalled).toBeLessThan(10_000);
  await answer; // its connection was closed
  expect(server.output()).toContain("Requests still open after 1500 ms");
});

test("a signal delivered twice at once (Ctrl-C under npm start: from the terminal and from npm) is one graceful stop", async () => {
  server = await startServer({ port: PORT, dbUrl: world.dbUrl });
  const exited = exitOf(server);
  server.child.kill("SIGINT");
  server.child.kill("SIGINT");
  expect((await exited).code).toBe(0);
  expect(server.output()).not.toContain("again");
});

test("a second signal a second later stops the server without waiting", async () => {
  server = await startServer({ port: PORT, dbUrl: world.dbUrl, env: { SHUTDOWN_GRACE_MS: "60000" } });
  await openCreate("Never finished either", 5);
  await new Promise((r) => setTimeout(r, 300));
  const exited = exitOf(server);
  server.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1200));
  expect(server.child.exitCode).toBeNull();
  const second = Date.now();
  server.child.kill("SIGINT");
  const { code, at } = await exited;
  expect(code).toBe(1);
  expect(at - second).toBeLessThan(3000);
  expect(server.output()).toContain("SIGINT again: stopping without waiting.");
});
