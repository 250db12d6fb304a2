// Who may call what: every route of organizations, organization users, workspace users and
// roles, for each built-in role and for a stranger. A allowed (2xx), D PERMISSION_DENIED (403:
// the caller sees the resource but may not change it), N NOT_FOUND (404: the caller cannot see it).

import { beforeAll, describe, expect, it } from "vitest";
import { randomBase62 } from "@/lib/ids";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { api, call } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";

type Outcome = "A" | "D" | "N";
const PERSONAS = ["org-admin", "org-member", "workspace-admin", "workspace-editor", "workspace-viewer", "non-member"] as const;
type Persona = (typeof PERSONAS)[number];

let owner: TestUser;
let orgId: string;
let wsId: string;
const tokens = {} as Record<Persona, string>;

async function orgMember(roles: string[] = ["org-member"], workspaceRoles?: string[]): Promise<TestUser> {
  const u = await makeUser(`Target ${randomBase62(4)}`);
  await addMember(u.id, orgId, roles, workspaceRoles ? { id: wsId, roles: workspaceRoles } : undefined);
  return u;
}

async function customRole(): Promise<string> {
  const id = newId("role");
  await (await db()).role.create({ data: { id, workspaceId: wsId, title: `Matrix ${id}`, titleKey: `matrix ${id}`.toLowerCase(), permissions: ["read:Workspace"] } });
  return id;
}

interface Request {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
}

const org = () => `/api/v1/organizations/${orgId}`;
const ws = () => `${org()}/workspaces/${wsId}`;

// Each route builds a fresh target, so an allowed change never spoils the next call.
const ROUTES: Record<string, () => Promise<Request>> = {
  "GET org": async () => ({ method: "GET", path: org() }),
  "PATCH org": async () => ({ method: "PATCH", path: org(), body: { title: `Matrix Org ${randomBase62(4)}` } }),
  "POST org:transferOwnership": async () => ({ method: "POST", path: `${org()}:transferOwnership`, body: { user_id: (await orgMember()).id } }),
  "GET org users": async () => ({ method: "GET", path: `${org()}/users` }),
  "POST org users": async () => ({ method: "POST", path: `${org()}/users`, body: { email: (await makeUser("Joiner")).email } }),
  "GET org user": async () => ({ method: "GET", path: `${org()}/users/${owner.id}` }),
  "PATCH org user": async () => ({ method: "PATCH", path: `${org()}/users/${(await orgMember()).id}`, body: { roles: ["org-member"] } }),
  "DELETE org user": async () => ({ method: "DELETE", path: `${org()}/users/${(await orgMember()).id}` }),
  "GET org roles": async () => ({ method: "GET", path: `${org()}/roles` }),
  "GET ws users": async () => ({ method: "GET", path: `${ws()}/users` }),
  "POST ws users": async () => ({ method: "POST", path: `${ws()}/users`, body: { user_id: (await orgMember()).id, roles: ["workspace-viewer"] } }),
  "GET ws user": async () => ({ method: "GET", path: `${ws()}/users/${owner.id}` }),
  "PATCH ws user": async () => ({ method: "PATCH", path: `${ws()}/users/${(await orgMember(["org-member"], ["workspace-viewer"])).id}`, body: { roles: ["workspace-viewer"] } }),
  "DELETE ws user": async () => ({ method: "DELETE", path: `${ws()}/users/${(await orgMember(["org-member"], ["workspace-viewer"])).id}` }),
  "GET ws roles": async () => ({ method: "GET", path: `${ws()}/roles` }),
  "POST ws roles": async () => ({ method: "POST", path: `${ws()}/roles`, body: { title: `Role ${randomBase62(6)}`, permissions: ["read:Workspace"] } }),
  "GET ws role": async () => ({ method: "GET", path: `${ws()}/roles/workspace-viewer` }),
  "PATCH ws role": async () => ({ method: "PATCH", path: `${ws()}/roles/${await customRole()}`, body: { description: "changed" } }),
  "DELETE ws role": async () => ({ method: "DELETE", path: `${ws()}/roles/${await customRole()}` }),
  "GET permissions": async () => ({ method: "GET", path: "/api/v1/permissions" }),
};

//                                   org-admin org-member ws-admin ws-editor ws-viewer non-member
const MATRIX: Record<keyof typeof ROUTES, Outcome[]> = {
  "GET org":                        ["A", "A", "A", "A", "A", "N"],
  "PATCH org":                      ["A", "D", "D", "D", "D", "N"],
  // Only the owner transfers ownership; none of these personas is the owner.
  "POST org:transferOwnership":     ["D", "D", "D", "D", "D", "N"],
  "GET org users":                  ["A", "A", "A", "A", "A", "N"],
  "POST org users":                 ["A", "D", "D", "D", "D", "N"],
  "GET org user":                   ["A", "A", "A", "A", "A", "N"],
  "PATCH org user":                 ["A", "D", "D", "D", "D", "N"],
  "DELETE org user":                ["A", "D", "D", "D", "D", "N"],
  "GET org roles":                  ["A", "A", "A", "A", "A", "N"],
  // An org member who is not in the workspace cannot see it.
  "GET ws users":                   ["A", "N", "A", "A", "A", "N"],
  "POST ws users":                  ["A", "N", "A", "D", "D", "N"],
  "GET ws user":                    ["A", "N", "A", "A", "A", "N"],
  "PATCH ws user":                  ["A", "N", "A", "D", "D", "N"],
  "DELETE ws user":                 ["A", "N", "A", "D", "D", "N"],
  "GET ws roles":                   ["A", "N", "A", "A", "A", "N"],
  "POST ws roles":                  ["A", "N", "A", "D", "D", "N"],
  "GET ws role":                    ["A", "N", "A", "A", "A", "N"],
  "PATCH ws role":                  ["A", "N", "A", "D", "D", "N"],
  "DELETE ws role":                 ["A", "N", "A", "D", "D", "N"],
  "GET permissions":                ["A", "A", "A", "A", "A", "A"],
};

const SUCCESS: Record<Request["method"], number[]> = { GET: [200], POST: [200, 201], PATCH: [200], DELETE: [204] };

beforeAll(async () => {
  owner = await makeUser("Matrix Owner");
  orgId = (await makeOrg(owner, "Matrix Org")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Matrix WS" })).workspace_id;
  const personas: Record<Persona, () => Promise<TestUser>> = {
    "org-admin": () => orgMember(["org-admin"]),
    "org-member": () => orgMember(["org-member"]),
    "workspace-admin": () => orgMember(["org-member"], ["workspace-admin"]),
    "workspace-editor": () => orgMember(["org-member"], ["workspace-editor"]),
    "workspace-viewer": () => orgMember(["org-member"], ["workspace-viewer"]),
    "non-member": async () => {
      const u = await makeUser("Stranger");
      await makeOrg(u, "Stranger's Org");
      return u;
    },
  };
  for (const persona of PERSONAS) tokens[persona] = await makeToken(await personas[persona]());
});

describe("permission matrix", () => {
  it("covers every route of this slice in the table", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const route of Object.keys(ROUTES)) {
    it(route, async () => {
      const failures: string[] = [];
      for (const [i, persona] of PERSONAS.entries()) {
        const expected = MATRIX[route][i];
        const req = await ROUTES[route]();
        const res = await call(req.method, req.path, { token: tokens[persona], body: req.body });
        const got: Outcome | string =
          SUCCESS[req.method].includes(res.status) ? "A" : res.status === 403 && res.body?.code === 7 ? "D" : res.status === 404 && res.body?.code === 5 ? "N" : `${res.status} ${JSON.stringify(res.body)}`;
        if (got !== expected) failures.push(`${persona}: expected ${expected}, got ${got}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it("answers the owner's transfer (the one persona allowed) and read-only tokens' changes as the table implies", async () => {
    const res = await api.post(`${org()}:transferOwnership`, { token: await makeToken(owner), body: { user_id: owner.id } });
    expect(res.status).toBe(200);
    const readOnlyAdmin = await makeToken(await orgMember(["org-admin"]), { access: "READ_ONLY" });
    expect((await api.get(`${ws()}/users`, { token: readOnlyAdmin })).status).toBe(200);
    for (const route of ["PATCH org", "POST org users", "POST ws users", "PATCH ws role", "DELETE ws user"]) {
      const req = await ROUTES[route]();
      const denied = await call(req.method, req.path, { token: readOnlyAdmin, body: req.body });
      expect(denied.status, route).toBe(403);
      expect(denied.body.details[0].reason, route).toBe("TOKEN_READ_ONLY");
    }
  });
});
