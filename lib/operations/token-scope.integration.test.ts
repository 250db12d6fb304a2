// Every changing operation of the registry against every kind of personal access token: scoped
// to one organization or to one of its workspaces, FULL or READ_ONLY. The expectations are
// generated from each operation's scope and permission, so an operation added to the registry is
// covered without touching this file. The caller is an admin of both organizations, so every
// refusal here comes from the token's limits, not from missing roles.
//
// Refusals are checked twice: through `authorizeOperation` (the one check both edges run) and
// through the REST route with the token, which must answer the same status and reason without
// changing anything. Combinations the token allows are checked through `authorizeOperation` only,
// so nothing is actually changed.

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { contextOf, makeOrg, makeUser, makeWorkspace, makeToken, addMember, type TestUser } from "@/lib/testing/factories";
import { callerFromToken } from "@/lib/auth/authenticate";
import type { RequestContext } from "@/lib/auth/context";
import { isReadPermission, isWorkspacePermission, type Permission } from "@/lib/auth/permissions";
import { randomBase62 } from "@/lib/ids";
import { db } from "@/lib/db";
import { OPERATIONS } from ".";
import { authorizeOperation } from "./execute";
import type { Operation } from "./operation";

type TokenKind = "org-full" | "org-read-only" | "ws-full" | "ws-read-only" | "unscoped-full";
const KINDS: TokenKind[] = ["org-full", "org-read-only", "ws-full", "ws-read-only", "unscoped-full"];

type Target = "in-scope-workspace" | "other-workspace" | "other-organization";

type Expected = { allowed: true } | { allowed: false; status: number; code: string; reasons: string[] };

const ALLOWED: Expected = { allowed: true };
const deny = (status: number, code: string, ...reasons: string[]): Expected => ({ allowed: false, status, code, reasons });
const TOKEN_REFUSALS = ["TOKEN_READ_ONLY", "TOKEN_SCOPE", "TOKEN_CANNOT_MINT"];

let owner: TestUser;
let orgA: string;
let orgB: string;
let wsIn: string;
let wsOut: string;
let wsB: string;
const tokens = {} as Record<TokenKind, string>;
const contexts = {} as Record<TokenKind, RequestContext>;

/** A change: any non-GET operation whose permission is not a read (POST …:countUsers only reads). */
function isChanging(op: Operation): boolean {
  if (op.method === "GET" || op.scope === "public") return false;
  if (op.scope === "user") return true;
  return !isReadPermission(op.permission as Permission);
}

const readOnly = (k: TokenKind) => k === "org-read-only" || k === "ws-read-only";
const workspaceLimited = (k: TokenKind) => k === "ws-full" || k === "ws-read-only";

/** What the token must get for the operation on the target, from the rules of API.md §2. */
function expected(op: Operation, kind: TokenKind, target: Target): Expected {
  if (op.scope === "user") {
    // Account-level changes: no organization to scope to, so every limit of a token applies.
    if (readOnly(kind) || workspaceLimited(kind)) return deny(403, "PERMISSION_DENIED", ...TOKEN_REFUSALS);
    if (op.id === "CreateAccessToken") return deny(403, "PERMISSION_DENIED", "TOKEN_CANNOT_MINT");
    if (op.id === "CreateOrganization" && kind === "org-full") return deny(403, "PERMISSION_DENIED", "TOKEN_SCOPE");
    return ALLOWED;
  }
  if (target === "other-organization" && kind !== "unscoped-full") return deny(404, "NOT_FOUND", "ORGANIZATION_NOT_FOUND");
  if (op.scope === "workspace" && target === "other-workspace" && workspaceLimited(kind)) return deny(404, "NOT_FOUND", "WORKSPACE_NOT_FOUND");
  if (readOnly(kind)) return deny(403, "PERMISSION_DENIED", "TOKEN_READ_ONLY");
  if (op.scope === "organization" && workspaceLimited(kind) && !isWorkspacePermission(op.permission as string)) {
    return deny(403, "PERMISSION_DENIED", "TOKEN_SCOPE");
  }
  return ALLOWED;
}

const DUMMY_PREFIX: Record<string, string> = { role_id: "role", user_id: "usr", token_id: "pat", credential_id: "cred", invitation_id: "inv" };

function paramsFor(op: Operation, target: Target): Record<string, string> {
  const [org, ws] = target === "other-organization" ? [orgB, wsB] : [orgA, target === "in-scope-workspace" ? wsIn : wsOut];
  const out: Record<string, string> = {};
  for (const m of op.path.matchAll(/\{([a-z_]+)\}/g)) {
    const name = m[1];
    if (name === "organization_id") out[name] = org;
    else if (name === "workspace_id") out[name] = ws;
    else out[name] = `${DUMMY_PREFIX[name] ?? "x"}_${randomBase62(24)}`;
  }
  return out;
}

function urlFor(op: Operation, params: Record<string, string>): string {
  return `/api/v1${op.path.replace(/\{([a-z_]+)\}/g, (_, name: string) => params[name])}`;
}

const targetsOf = (op: Operation): Target[] =>
  op.scope === "user" ? ["in-scope-workspace"] : op.scope === "organization" ? ["in-scope-workspace", "other-organization"] : ["in-scope-workspace", "other-workspace", "other-organization"];

beforeAll(async () => {
  owner = await makeUser("Scope Owner");
  orgA = (await makeOrg(owner, "Scope A")).organization_id;
  wsIn = (await makeWorkspace(owner, orgA, { title: "In scope" })).workspace_id;
  wsOut = (await makeWorkspace(owner, orgA, { title: "Out of scope" })).workspace_id;
  // Organization B is the owner's too (admin there): only the token's scope keeps it out.
  const other = await makeUser("Scope Other");
  orgB = (await makeOrg(other, "Scope B")).organization_id;
  wsB = (await makeWorkspace(other, orgB, { title: "B's" })).workspace_id;
  await addMember(owner.id, orgB, ["org-admin"]);
  tokens["org-full"] = await makeToken(owner, { organizationId: orgA });
  tokens["org-read-only"] = await makeToken(owner, { organizationId: orgA, access: "READ_ONLY" });
  tokens["ws-full"] = await makeToken(owner, { organizationId: orgA, workspaceIds: [wsIn] });
  tokens["ws-read-only"] = await makeToken(owner, { organizationId: orgA, workspaceIds: [wsIn], access: "READ_ONLY" });
  tokens["unscoped-full"] = await makeToken(owner);
  for (const kind of KINDS) contexts[kind] = { ...contextOf(owner), caller: await callerFromToken(tokens[kind]) };
});

const changing = OPERATIONS.filter(isChanging);

describe("token scope and access against every changing operation of the registry", () => {
  it("covers the registry's changes (and knows every scope it meets)", () => {
    expect(changing.length).toBeGreaterThan(20);
    for (const op of changing) expect(["user", "organization", "workspace"], op.id).toContain(op.scope);
    for (const id of ["CreateOrganization", "CreateAccessToken", "RevokeAccessToken", "CreateOAuthCredential", "RotateOAuthCredential", "DeleteWorkspace"]) {
      expect(changing.map((o) => o.id)).toContain(id);
    }
  });

  it.each(changing.map((op) => [op.id, op] as const))("%s", async (_id, op) => {
    const before = await snapshot();
    for (const kind of KINDS) {
      for (const target of targetsOf(op)) {
        const want = expected(op, kind, target);
        const params = paramsFor(op, target);
        const label = `${op.id} with a ${kind} token on ${target}`;
        if (op.scope !== "user") {
          const outcome = await authorizeOperation(op, contexts[kind], params).then(
            () => ({ allowed: true as const }),
            (e: { code?: string; options?: { reason?: string } }) => ({ allowed: false as const, code: e.code, reason: e.options?.reason }),
          );
          if (want.allowed) {
            expect(outcome, label).toEqual({ allowed: true });
            continue;
          }
          expect(outcome.allowed, label).toBe(false);
          expect(outcome, label).toMatchObject({ code: want.code });
          expect(want.reasons, label).toContain((outcome as { reason?: string }).reason);
        } else if (want.allowed) {
          continue;
        }
        const res = await api[op.method.toLowerCase() as "post" | "patch" | "delete"](urlFor(op, params), {
          token: tokens[kind],
          body: op.body ? (op.example ?? {}) : undefined,
        });
        expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(want.status);
        const reason = res.body?.details?.find((d: { "@type": string }) => d["@type"].endsWith("ErrorInfo"))?.reason;
        expect(want.reasons, `${label}: ${JSON.stringify(res.body)}`).toContain(reason);
      }
    }
    // Nothing a refused call reached was changed.
    expect(await snapshot()).toEqual(before);
  });
});

/** What a refused call could have touched: the fixtures' organizations, workspaces, memberships, tokens and audit log. */
async function snapshot() {
  const prisma = await db();
  const orgs = [orgA, orgB];
  const [organizations, workspaces, members, wsMembers, roles, credentials, audit, liveTokens] = await Promise.all([
    prisma.organization.findMany({ where: { id: { in: orgs } }, orderBy: { id: "asc" } }),
    prisma.workspace.findMany({ where: { organizationId: { in: orgs } }, orderBy: { id: "asc" } }),
    prisma.organizationMember.findMany({ where: { organizationId: { in: orgs } }, orderBy: [{ organizationId: "asc" }, { userId: "asc" }] }),
    prisma.workspaceMember.findMany({ where: { workspace: { organizationId: { in: orgs } } }, orderBy: [{ workspaceId: "asc" }, { userId: "asc" }] }),
    prisma.role.findMany({ where: { workspace: { organizationId: { in: orgs } } }, orderBy: { id: "asc" } }),
    prisma.oAuthCredential.count({ where: { organizationId: { in: orgs } } }),
    prisma.auditLogEntry.count({ where: { organizationId: { in: orgs } } }),
    prisma.personalAccessToken.findMany({ where: { userId: owner.id }, select: { id: true, displayName: true, revokeTime: true }, orderBy: { id: "asc" } }),
  ]);
  const ownedOrgs = await prisma.organization.count({ where: { ownerId: owner.id } });
  return { organizations, workspaces, members, wsMembers, roles, credentials, audit, liveTokens, ownedOrgs };
}
