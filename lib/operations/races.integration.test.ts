// Races on PostgreSQL, through the REST routes with requests truly in flight together:
// - one etag, one winner: for every operation of the registry that takes an etag, N requests
//   with the same If-Match → exactly one succeeds, the others are ABORTED, one audit entry;
// - one title, one winner: N creates (workspace, batch, clone, role) of one title in different
//   cases → one row, the others ALREADY_EXISTS;
// - one Idempotency-Key, one effect: for every changing operation of the registry, N requests
//   with one key → one audit entry (one effect), every success the same answer, the others
//   IDEMPOTENCY_KEY_IN_USE; afterwards the key replays that answer.
// (50 parallel accepts of one invitation: lib/domain/invitations/invitations.integration.test.ts;
// two admins demoting each other, 50 rounds: lib/domain/members/last-admin.integration.test.ts.)
// RACE_N sets N (default 10, 5 for each operation's Idempotency-Key, 50 for the idempotent
// workspace create). More creates of one title than the pool has connections queue for longer
// than a transaction waits on a loaded machine, and are then refused as busy (503), by design.

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { randomBase62 } from "@/lib/ids";
import { api, type ApiResponse } from "@/lib/testing/api-client";
import { makeToken, makeUser, type TestUser } from "@/lib/testing/factories";
import { makeTenant, NOT_FOR_TOKENS, SCENARIOS, urlOf, type Tenant } from "@/lib/testing/operation-scenarios";
import { validateRpcStatus } from "@/lib/testing/rpc";
import { OPERATIONS } from ".";
import type { Operation } from "./operation";

// The suite sends many requests on one token in a few seconds; the per-caller limit is not its subject.
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const N = Number(process.env.RACE_N ?? 10);
const WIDE = Number(process.env.RACE_N ?? 50);

// One owner for every tenant of the file (an organization each): users cost a password hash.
let owner: TestUser;
beforeAll(async () => {
  owner = await makeUser("Race Owner");
});

const tokens = new Map<string, Promise<string>>();
const tokenOf = (user: TestUser) => tokens.get(user.id) ?? (tokens.set(user.id, makeToken(user)), tokens.get(user.id)!);

type Method = "get" | "post" | "patch" | "delete";
const methodOf = (op: Operation) => op.method.toLowerCase() as Method;

/** Request ids of our own, so the audit entries of one batch can be counted. */
const batchIds = (label: string, n: number) => {
  const tag = randomBase62(10);
  return Array.from({ length: n }, (_, i) => `race-${label}-${tag}-${i}`);
};

async function auditEntries(requestIds: string[]): Promise<number> {
  return (await db()).auditLogEntry.count({ where: { requestId: { in: requestIds } } });
}

/** The distinct requests among `requestIds` that wrote audit entries. */
async function requestsThatWrote(requestIds: string[]): Promise<number> {
  const rows = await (await db()).auditLogEntry.groupBy({ by: ["requestId"], where: { requestId: { in: requestIds } } });
  return rows.length;
}

const codes = (results: ApiResponse[]) => results.map((r) => (r.status < 300 ? r.status : `${r.status}:${r.body?.details?.[0]?.reason}`));

/**
 * The etag of the resource an operation changes: from the GET of the same path, or, for a
 * soft-deleted resource that GET no longer shows, from its collection listed with show_deleted.
 */
async function currentEtag(op: Operation, params: Record<string, string>, token: string): Promise<string> {
  const resource = op.path.replace(/:[A-Za-z]+$/, "");
  const get = OPERATIONS.find((o) => o.method === "GET" && o.path === resource);
  expect(get, `${op.id}: no GET for ${resource}`).toBeDefined();
  let found = (await api.get(urlOf(get!.path, params), { token })).body;
  if (!found?.etag) {
    const collection = resource.replace(/\/\{[a-z_]+\}$/, "");
    const id = params[/\{([a-z_]+)\}$/.exec(resource)![1]];
    const list = (await api.get(urlOf(collection, params, { show_deleted: "true", page_size: "1000" }), { token })).body;
    const items = Object.values(list ?? {}).find(Array.isArray) as { name?: string; etag?: string }[] | undefined;
    found = items?.find((item) => item.name?.endsWith(`/${id}`));
  }
  expect(found?.etag, `${op.id}: ${JSON.stringify(found)}`).toMatch(/^W\/"\d+"$/);
  return found!.etag as string;
}

// Regression (UndeleteWorkspace): the losers of an etag race answered 409 ALREADY_EXISTS
// WORKSPACE_NOT_DELETED, because the operation's own checks ran before the caller's etag was
// compared; a stale etag now answers ABORTED first, as AIP-154 says.
describe("one etag, one winner", () => {
  const withEtag = OPERATIONS.filter((op) => op.etag);

  it("covers every operation that takes an etag", () => {
    expect(withEtag.map((op) => op.id).sort()).toEqual(
      expect.arrayContaining(["UpdateWorkspace", "DeleteWorkspace", "UpdateWorkspaceRole", "DeleteWorkspaceRole", "UpdateWorkspacePreferences"]),
    );
  });

  it.each(withEtag.map((op) => [op.id, op] as const))("%s: N requests with one If-Match → one succeeds, the others ABORTED", async (_id, op) => {
    const tenant = await makeTenant("Etag Racer", owner);
    const { caller, raw } = await SCENARIOS[op.id](tenant);
    const token = await tokenOf(caller);
    const etag = await currentEtag(op, raw.params, token);

    const ids = batchIds(op.id, N);
    const results = await Promise.all(
      ids.map((id) =>
        api[methodOf(op)](urlOf(op.path, raw.params, raw.query), {
          token,
          headers: { "if-match": etag, "x-request-id": id },
          body: op.method === "DELETE" && raw.body === undefined ? undefined : (raw.body ?? {}),
        }),
      ),
    );
    const won = results.filter((r) => r.status < 300);
    expect(won, `${op.id}: ${codes(results)}`).toHaveLength(1);
    for (const lost of results.filter((r) => r.status >= 300)) {
      // The losers saw the winner's change: a stale etag (ABORTED), or a deleted resource gone (NOT_FOUND).
      expect(lost.status === 409 || (op.method === "DELETE" && lost.status === 404), `${op.id}: ${codes(results)}`).toBe(true);
      validateRpcStatus(lost, lost.status === 409 ? 10 : 5);
    }
    expect(await auditEntries(ids), op.id).toBe(1);
  });
});

describe("one title, one winner", () => {
  let tenant: Tenant;
  let token: string;
  beforeAll(async () => {
    tenant = await makeTenant("Title Racer", owner);
    token = await tokenOf(tenant.owner);
  });

  const variants = (title: string, n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? title : i % 3 === 1 ? title.toUpperCase() : title.toLowerCase()));

  async function race(label: string, n: number, send: (title: string, requestId: string) => Promise<ApiResponse>, count: (title: string) => Promise<number>) {
    const title = `Contested ${label} ${randomBase62(6)}`;
    const ids = batchIds(label, n);
    const results = await Promise.all(variants(title, n).map((t, i) => send(t, ids[i])));
    expect(results.filter((r) => r.status < 300), `${label}: ${codes(results)}`).toHaveLength(1);
    for (const lost of results.filter((r) => r.status >= 300)) {
      expect(lost.status, `${label}: ${codes(results)}`).toBe(409);
      validateRpcStatus(lost, 6);
    }
    expect(await count(title)).toBe(1);
    return ids;
  }

  const workspacesTitled = async (title: string) =>
    (await db()).workspace.count({ where: { organizationId: tenant.orgId, title: { equals: title, mode: "insensitive" } } });

  it("CreateWorkspace", async () => {
    await race("create", N, (title, id) => api.post(urlOf("/organizations/{organization_id}/workspaces", tenant.p), { token, headers: { "x-request-id": id }, body: { title } }), workspacesTitled);
  });

  it("BatchCreateWorkspaces (the losing batches leave nothing behind)", async () => {
    const before = await (await db()).workspace.count({ where: { organizationId: tenant.orgId } });
    await race(
      "batch",
      N,
      (title, id) =>
        api.post(urlOf("/organizations/{organization_id}/workspaces:batchCreate", tenant.p), {
          token,
          headers: { "x-request-id": id },
          body: { requests: [{ workspace: { title: `${id} first` } }, { workspace: { title } }] },
        }),
      workspacesTitled,
    );
    expect(await (await db()).workspace.count({ where: { organizationId: tenant.orgId } })).toBe(before + 2);
  });

  it("CloneWorkspace", async () => {
    await race("clone", N, (title, id) => api.post(urlOf("/organizations/{organization_id}/workspaces/{workspace_id}:clone", tenant.p), { token, headers: { "x-request-id": id }, body: { title } }), workspacesTitled);
  });

  it("CreateWorkspaceRole", async () => {
    await race(
      "role",
      N,
      (title, id) =>
        api.post(urlOf("/organizations/{organization_id}/workspaces/{workspace_id}/roles", tenant.p), {
          token,
          headers: { "x-request-id": id },
          body: { title, permissions: ["read:Workspace"] },
        }),
      async (title) => (await db()).role.count({ where: { workspaceId: tenant.ws, title: { equals: title, mode: "insensitive" } } }),
    );
  });
});

describe("one Idempotency-Key, one effect", () => {
  // Through the REST route with a token: the operations a token may not call are not in it.
  const changing = OPERATIONS.filter((op) => op.method !== "GET" && !NOT_FOR_TOKENS.has(op.id));

  /** N copies of one request with one key, in flight together; then the key once more. */
  async function sameKey(op: Operation, n: number) {
    const tenant = await makeTenant("Idempotent Racer", owner);
    const { caller, raw } = await SCENARIOS[op.id](tenant);
    const token = await tokenOf(caller);
    const key = `race-${randomBase62(16)}`;
    const ids = batchIds("idem", n + 1);
    const send = (id: string) =>
      api[methodOf(op)](urlOf(op.path, raw.params, raw.query), { token, headers: { "idempotency-key": key, "x-request-id": id }, body: raw.body ?? {} });
    const results = await Promise.all(ids.slice(0, n).map(send));
    const answered = results.filter((r) => r.headers.get("idempotency-replay") !== "true" && !(r.status === 409 && r.body?.details?.[0]?.reason === "IDEMPOTENCY_KEY_IN_USE"));
    // Exactly one request ran; every other one was told the key is in use, or got its answer replayed.
    expect(answered, `${op.id}: ${codes(results)}`).toHaveLength(1);
    const first = answered[0];
    for (const r of results.filter((r) => r.headers.get("idempotency-replay") === "true")) {
      expect({ status: r.status, body: r.body }).toEqual({ status: first.status, body: first.body });
    }
    const again = await send(ids[n]);
    expect(again.headers.get("idempotency-replay"), `${op.id}: ${again.status} ${JSON.stringify(again.body)}`).toBe("true");
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    return { first, ids, results };
  }

  it("CreateWorkspace: 50 in parallel → one workspace, the same answer for every success", async () => {
    const before = await (await db()).workspace.count();
    const { first, ids } = await sameKey(OPERATIONS.find((op) => op.id === "CreateWorkspace")!, WIDE);
    expect(first.status).toBe(201);
    expect(await (await db()).workspace.count()).toBe(before + 2); // the tenant's own workspace, and the one created
    expect(await auditEntries(ids)).toBe(1);
  });

  it.each(changing.filter((op) => op.id !== "CreateWorkspace").map((op) => [op.id, op] as const))("%s: one effect", async (_id, op) => {
    const { first, ids } = await sameKey(op, process.env.RACE_N ? N : 5);
    expect(first.status, `${op.id}: ${JSON.stringify(first.body)}`).toBeLessThan(300);
    // One request had an effect (a batch writes an entry per workspace, all with its request id).
    expect(await requestsThatWrote(ids)).toBe(op.id === "CountWorkspaceUsers" ? 0 : 1);
  });
});
