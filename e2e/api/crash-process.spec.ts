// Crash: a real server process SIGKILLed in the middle of a 100-workspace batchCreate and in the
// middle of an invitation accept, then started again on the same database. The batch is all
// there or none of it, no row is left without its parent or its audit entry, a retry with the
// same Idempotency-Key finishes the job exactly once, the accept is whole or absent, and every
// outbox mail reaches the test's SMTP server exactly once (the mail worker runs in the server).
// Regression found here: a request killed after claiming its Idempotency-Key left the key
// "still being processed" for 24 h, so the retry was refused (now taken over after a lease).

import { expect, test } from "@playwright/test";
import { startTestSmtp, type TestSmtp } from "../../lib/testing/smtp";
import { makeWorld, startServer, type ProcessWorld, type ServerProcess } from "../processes/server";

// Ports beside the suite's own (E2E_PORT, default 3100), so two checkouts can run the suite at once.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 32;

let world: ProcessWorld;
let smtp: TestSmtp;
let server: ServerProcess;

const start = () =>
  startServer({
    port: PORT,
    dbUrl: world.dbUrl,
    env: { JOBS: "on", SMTP_URL: smtp.url, JOBS_INTERVAL_MS: "300", MAIL_LEASE_MS: "2000", IDEMPOTENCY_LEASE_MS: "2000" },
  });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = await startTestSmtp();
  world = await makeWorld(["crashadmin", "crashinvitee"]);
  server = await start();
});

test.afterAll(async () => {
  await server?.kill("SIGTERM");
  await smtp?.close();
  await world?.drop();
});

function api(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Sends a request and SIGKILLs the server while one of its transactions is open on a statement
 * touching `table` (seen in pg_stat_activity: mid-transaction, before COMMIT), or after
 * `fallbackMs` if none is seen; then starts the server again. Returns how the request ended.
 */
async function killMidTransaction(send: () => Promise<Response>, table: string, fallbackMs = 5000): Promise<string> {
  const pending = send().then(
    (r) => `answered ${r.status}`,
    () => "cut off",
  );
  const deadline = Date.now() + fallbackMs;
  let seen = false;
  while (!seen && Date.now() < deadline) {
    const rows = await world.sql(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
          AND (state = 'idle in transaction' OR (state = 'active' AND query ~* '^\\s*(INSERT|UPDATE)')) AND query ILIKE $1 AND query NOT ILIKE 'COMMIT%'`,
      [`%${table}%`],
    );
    seen = rows.length > 0;
  }
  await server.kill("SIGKILL");
  const outcome = `${await pending} (killed ${seen ? `inside a transaction on ${table}` : `after ${fallbackMs} ms`})`;
  server = await start();
  return outcome;
}

/**
 * Waits until the worker has delivered every queued mail. The kills below aim at a batch and an
 * accept; a kill that lands between the SMTP server's acceptance of a mail and the worker's SENT
 * mark cannot be told from a failed send, and that mail goes out again after its lease (with the
 * same Message-ID, so the receiver can drop the copy): delivery is at-least-once in that window.
 */
async function outboxDrained(): Promise<void> {
  await expect
    .poll(async () => (await world.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_mails WHERE status = 'QUEUED'`))[0].n, { timeout: 30_000 })
    .toBe(0);
}

async function orphans(): Promise<Record<string, number>> {
  const [row] = await world.sql<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM workspace_members m WHERE NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = m.workspace_id)) AS members,
    (SELECT count(*)::int FROM roles r WHERE r.workspace_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = r.workspace_id)) AS roles,
    (SELECT count(*)::int FROM invitations i WHERE i.workspace_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = i.workspace_id)) AS invitations,
    (SELECT count(*)::int FROM audit_log_entries a WHERE a.workspace_id IS NOT NULL AND a.action LIKE 'workspace.%create' AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = a.workspace_id)) AS audit_without_workspace,
    (SELECT count(*)::int FROM workspaces w WHERE NOT EXISTS (SELECT 1 FROM audit_log_entries a WHERE a.workspace_id = w.id AND a.action LIKE 'workspace.%create')) AS workspace_without_audit,
    (SELECT count(*)::int FROM workspace_members m WHERE NOT EXISTS (SELECT 1 FROM organization_members o JOIN workspaces w ON w.organization_id = o.organization_id WHERE w.id = m.workspace_id AND o.user_id = m.user_id)) AS members_outside_org`);
  return row;
}

const batch = (prefix: string) => ({
  requests: Array.from({ length: 100 }, (_, i) => ({
    workspace: { title: `${prefix}-${i}` },
    // Every tenth workspace invites someone from outside: invitations and their mails are part of the batch.
    ...(i % 10 === 0 ? { members: [{ email: `${prefix}-${i}@outside.example`, roles: ["workspace-viewer"] }] } : {}),
  })),
});

test("SIGKILL during a 100-workspace batchCreate and during an invitation accept", async () => {
  test.setTimeout(150_000);
  const { orgId, workspaceId, people } = world;
  const admin = people.crashadmin.token;
  const count = async (prefix: string) =>
    (await world.sql<{ n: number }>(`SELECT count(*)::int AS n FROM workspaces WHERE organization_id = $1 AND title LIKE $2`, [orgId, `${prefix}-%`]))[0].n;

  // One whole batch first: it works, and the server has loaded the route.
  const warm = await api("POST", `/organizations/${orgId}/workspaces:batchCreate`, admin, batch("warm"));
  expect(warm.status, await warm.clone().text()).toBe(200);

  await outboxDrained();
  const key = "crash-batch-1";
  const sendBatch = () => api("POST", `/organizations/${orgId}/workspaces:batchCreate`, admin, batch("crash"), { "idempotency-key": key });
  const outcome = await killMidTransaction(sendBatch, "workspaces");
  const afterCrash = await count("crash");
  console.log(`[crash] batch of 100: request ${outcome}; after restart ${afterCrash} of 100 workspaces`);
  expect([0, 100]).toContain(afterCrash);
  expect(await orphans()).toEqual({ members: 0, roles: 0, invitations: 0, audit_without_workspace: 0, workspace_without_audit: 0, members_outside_org: 0 });

  // The client retries with the same key: once the dead request's claim has lapsed, the retry
  // runs (or, had the batch committed, is refused as a duplicate title) — never a second batch.
  let retry: Response;
  const retryDeadline = Date.now() + 20_000;
  for (;;) {
    retry = await sendBatch();
    const body = await retry.clone().json();
    const inFlight = retry.status === 409 && body.details?.some((d: { reason?: string }) => d.reason === "IDEMPOTENCY_KEY_IN_USE");
    if (!inFlight || Date.now() > retryDeadline) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`[crash] retry with the same Idempotency-Key: ${retry.status}`);
  expect(afterCrash === 0 ? [200] : [200, 409]).toContain(retry.status);
  expect(await count("crash")).toBe(100);
  expect(await orphans()).toEqual({ members: 0, roles: 0, invitations: 0, audit_without_workspace: 0, workspace_without_audit: 0, members_outside_org: 0 });

  // An invitation, delivered by the worker to the test's SMTP server; its link's token accepted
  // by the invitee while the server is killed.
  const invitee = people.crashinvitee;
  const invited = await api("POST", `/organizations/${orgId}/workspaces/${workspaceId}/invites`, admin, { emails: [invitee.email], roles: ["workspace-editor"] });
  expect(invited.status).toBe(201);
  const mailDeadline = Date.now() + 20_000;
  while (!smtp.received.some((m) => m.to.includes(invitee.email)) && Date.now() < mailDeadline) await new Promise((r) => setTimeout(r, 100));
  const mail = smtp.received.find((m) => m.to.includes(invitee.email));
  expect(mail, "the invitation mail reached SMTP").toBeTruthy();
  const inviteToken = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail!.body)![1];
  const accept = () => api("POST", "/invitations:accept", invitee.token, { token: inviteToken });
  await outboxDrained();
  const acceptOutcome = await killMidTransaction(accept, "invitations");
  const state = async () => {
    const [inv] = await world.sql<{ state: string }>(`SELECT state FROM invitations WHERE workspace_id = $1 AND email = $2`, [workspaceId, invitee.email]);
    const members = await world.sql<{ roles: string[] }>(`SELECT roles FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, invitee.id]);
    const orgMembers = await world.sql(`SELECT 1 FROM organization_members WHERE organization_id = $1 AND user_id = $2`, [orgId, invitee.id]);
    return { invitation: inv.state, memberships: members.length, roles: members[0]?.roles ?? [], orgMemberships: orgMembers.length };
  };
  const afterKill = await state();
  console.log(`[crash] accept: request ${acceptOutcome}; after restart ${JSON.stringify(afterKill)}`);
  expect([
    { invitation: "PENDING", memberships: 0, roles: [], orgMemberships: 0 },
    { invitation: "ACCEPTED", memberships: 1, roles: ["workspace-editor"], orgMemberships: 1 },
  ]).toContainEqual(afterKill);
  const again = await accept();
  expect(again.status).toBe(afterKill.invitation === "PENDING" ? 200 : 400);
  expect(await state()).toEqual({ invitation: "ACCEPTED", memberships: 1, roles: ["workspace-editor"], orgMemberships: 1 });

  // Every mail in the outbox is delivered, each exactly once, across the kills and restarts.
  const outboxDeadline = Date.now() + 30_000;
  let queued = 1;
  while (queued > 0 && Date.now() < outboxDeadline) {
    queued = (await world.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_mails WHERE status <> 'SENT'`))[0].n;
    if (queued > 0) await new Promise((r) => setTimeout(r, 200));
  }
  const sent = await world.sql<{ id: string }>(`SELECT id FROM outbox_mails`);
  const received = smtp.received.map((m) => m.messageId);
  const times = (id: string) => received.filter((r) => r === `<${id}@workspace-admin>`).length;
  console.log(`[crash] outbox: ${sent.length} mails, ${received.length} received over SMTP`);
  expect(queued).toBe(0);
  expect(sent.filter((m) => times(m.id) !== 1).map((m) => `${m.id} received ${times(m.id)} times`)).toEqual([]);
  expect(received.length).toBe(sent.length);
});
