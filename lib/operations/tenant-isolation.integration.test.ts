// Tenant isolation, generated from the registry: for every operation, the intruder (tenant B)
// sends their own valid request (the shared scenario, built in B) with the victim's (tenant A's)
// id put in one path parameter at a time, then in all of them, then in each id the body refers
// to. A foreign id in the path must be NOT_FOUND; a foreign id in the body must be refused exactly
// as an id that exists nowhere (NOT_FOUND, or the error the contract names for that field, such as
// FAILED_PRECONDITION for adding a user who is not an organization member): the API never
// confirms that another tenant's ids exist. Without a token every operation is UNAUTHENTICATED,
// and no row of any table changes.
//
// Requests go through the REST route with a token of the caller's. Tokens cannot mint tokens
// (API.md §2), so CreateAccessToken is sent through the console's edge instead: the same
// pipeline (`executeOperation`) with a session context.

import { beforeAll, describe, expect, it } from "vitest";
import { api, type ApiResponse } from "@/lib/testing/api-client";
import { snapshotTables } from "@/lib/testing/db-snapshot";
import { makeToken, type TestUser } from "@/lib/testing/factories";
import { makeTenant, NOT_FOR_TOKENS, SCENARIOS, scenarioCoverage, urlOf, type Scenario, type Tenant } from "@/lib/testing/operation-scenarios";
import { validateRpcStatus } from "@/lib/testing/rpc";
import { toErrorResponse } from "@/lib/api/http";
import { randomBase62 } from "@/lib/ids";
import { OPERATIONS } from ".";
import { executeOperation } from "./execute";
import { pathParamNames, type Operation } from "./operation";


let victim: Tenant;
let intruder: Tenant;
const tokens = new Map<string, Promise<string>>();
const tokenOf = (user: TestUser) => tokens.get(user.id) ?? (tokens.set(user.id, makeToken(user)), tokens.get(user.id)!);

beforeAll(async () => {
  [victim, intruder] = await Promise.all([makeTenant("Victim Owner"), makeTenant("Intruder Owner")]);
});

const ID = /^[a-z]+_[0-9A-Za-z]{16,}$/;

/** Paths (`requests.0.user_id`) of the id-shaped strings of `mine` where `theirs` has another id. */
function bodyReferences(mine: unknown, theirs: unknown, at: string[] = []): { path: string[]; theirs: string }[] {
  if (typeof mine === "string") return ID.test(mine) && typeof theirs === "string" && ID.test(theirs) && mine !== theirs ? [{ path: at, theirs }] : [];
  if (!mine || typeof mine !== "object" || !theirs || typeof theirs !== "object") return [];
  return Object.entries(mine).flatMap(([k, v]) => bodyReferences(v, (theirs as Record<string, unknown>)[k], [...at, k]));
}

function replaced(body: unknown, path: string[], value: string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

interface Attempt {
  label: string;
  params: Record<string, string>;
  body: unknown;
  /** The same request with an id that exists nowhere in place of the victim's (body references). */
  unknown?: unknown;
}

/** The intruder's request with the victim's ids, one place at a time, then every path id at once. */
function attempts(op: Operation, mine: Scenario, theirs: Scenario): Attempt[] {
  const out: Attempt[] = [];
  const names = pathParamNames(op.path);
  const { params, body } = mine.raw;
  for (const name of names) {
    if (theirs.raw.params[name] !== params[name]) out.push({ label: `{${name}}`, params: { ...params, [name]: theirs.raw.params[name] }, body });
  }
  if (names.length > 1) out.push({ label: "every path id", params: { ...theirs.raw.params }, body });
  for (const ref of bodyReferences(body, theirs.raw.body)) {
    out.push({ label: `body ${ref.path.join(".")}`, params, body: replaced(body, ref.path, ref.theirs), unknown: replaced(body, ref.path, unknownId(ref.theirs)) });
  }
  return out;
}

function send(op: Operation, params: Record<string, string>, body: unknown, query: Record<string, string>, token?: string): Promise<ApiResponse> {
  return api[op.method.toLowerCase() as "get" | "post" | "patch" | "delete"](urlOf(op.path, params, query), {
    token,
    body: op.method === "GET" ? undefined : (body ?? {}),
  });
}

/** The answer to a refused request from `caller`, through the edge the operation allows them. */
async function attempt(op: Operation, caller: TestUser, params: Record<string, string>, body: unknown, query: Record<string, string>): Promise<ApiResponse> {
  if (!NOT_FOR_TOKENS.has(op.id)) return send(op, params, body, query, await tokenOf(caller));
  const requestId = `iso_${randomBase62(16)}`;
  const res = await executeOperation(op, { ...caller.ctx, requestId }, { params, query, body }).then(
    () => new Response(null, { status: 200 }),
    (error: unknown) => toErrorResponse(error, requestId),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** An id of the same kind that exists nowhere. */
const unknownId = (id: string) => `${id.slice(0, id.indexOf("_"))}_${randomBase62(24)}`;

const refusal = (res: ApiResponse) => ({ status: res.status, code: res.body?.code, reason: res.body?.details?.[0]?.reason });

const guarded = OPERATIONS.filter((op) => op.scope !== "public");

describe("tenant isolation over every operation of the registry", () => {
  it("has a scenario for every operation", () => {
    expect(scenarioCoverage()).toEqual({ missing: [], stale: [] });
    expect(guarded.length).toBeGreaterThan(60);
  });

  it.each(guarded.map((op) => [op.id, op] as const))("%s", async (_id, op) => {
    const build = SCENARIOS[op.id];
    const [mine, theirs] = await Promise.all([build(intruder), build(victim)]);
    await tokenOf(mine.caller);
    const before = await snapshotTables();

    const anonymous = await send(op, mine.raw.params, mine.raw.body, mine.raw.query);
    expect(anonymous.status, `${op.id} without a token: ${JSON.stringify(anonymous.body)}`).toBe(401);
    validateRpcStatus(anonymous, 16);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const tries = attempts(op, mine, theirs);
    // Every operation that names a resource of a tenant is tried with the victim's id.
    if (pathParamNames(op.path).length > 0) expect(tries.length, op.id).toBeGreaterThan(0);
    for (const t of tries) {
      const res = await attempt(op, mine.caller, t.params, t.body, mine.raw.query);
      const context = `${op.id} with the victim's ${t.label}: ${res.status} ${JSON.stringify(res.body)}`;
      if (t.unknown === undefined) {
        expect(res.status, context).toBe(404);
        validateRpcStatus(res, 5);
      } else {
        expect(res.status, context).toBeGreaterThanOrEqual(400);
        validateRpcStatus(res);
        const nowhere = await attempt(op, mine.caller, t.params, t.unknown, mine.raw.query);
        expect(refusal(res), `${context}, while an id that exists nowhere gets ${JSON.stringify(nowhere.body)}`).toEqual(refusal(nowhere));
      }
      // Nothing of the victim's is named back: not their titles, not their owner.
      expect(JSON.stringify(res.body), context).not.toContain(victim.owner.email);
    }
    expect(await snapshotTables(), `${op.id}: a refused request changed a table`).toEqual(before);
  });
});
