import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, provideDb, type Db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import { countWorkspaceUsers } from "@/lib/domain/workspaces/count-workspace-users";
import { api } from "@/lib/testing/api-client";
import { bulkInsertWorkspaces } from "@/lib/testing/bulk";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { errorInfo, expectRpcError, violatedFields } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let token: string;

beforeAll(async () => {
  owner = await makeUser("Bea Batch");
  orgId = (await makeOrg(owner, "Provisioning")).organization_id;
  token = await makeToken(owner);
});

const batchUrl = (org = orgId) => `/api/v1/organizations/${org}/workspaces:batchCreate`;
const countUrl = (org = orgId) => `/api/v1/organizations/${org}/workspaces:countUsers`;

describe("POST /organizations/{org}/workspaces:batchCreate", () => {
  it("creates every workspace in order; org members join, everyone else is invited", async () => {
    const colleague = await makeUser("Col League");
    await addMember(colleague.id, orgId, ["org-member"]);
    const stranger = await makeUser("Stranger Danger"); // a user, but not of this organization
    const res = await api.post(batchUrl(), {
      token,
      body: {
        requests: [
          {
            workspace: { title: "Batch One", description: "first", workspace_icon: "rocket" },
            members: [
              { email: colleague.email.toUpperCase(), roles: ["workspace-editor"] },
              { email: " New.Person@Example.TEST ", roles: ["workspace-viewer"] },
              { email: stranger.email, roles: ["workspace-admin", "workspace-viewer"] },
            ],
          },
          { workspace: { title: "Batch Two", data_policy: { group: "ap-south-1", regions: [{ region: "ap-south-1", priority: 0 }] } } },
          { workspace: { title: "Batch Three", state: "TERMINATED", etag: 'W/"9"' }, members: [{ email: owner.email, roles: ["workspace-viewer"] }] },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const created = res.body.workspaces;
    expect(created.map((w: { title: string }) => w.title)).toEqual(["Batch One", "Batch Two", "Batch Three"]);
    expect(created[0]).toMatchObject({ description: "first", workspace_icon: "rocket", state: "ACTIVE", creator_email: owner.email, etag: 'W/"1"' });
    expect(created[1].data_policy).toEqual({ group: "ap-south-1", regions: [{ region: "ap-south-1", priority: 0 }], pii_strategy: "DEFAULT" });
    expect(created[2].state).toBe("ACTIVE");

    const prisma = await db();
    const members = await prisma.workspaceMember.findMany({ where: { workspaceId: created[0].workspace_id } });
    expect(Object.fromEntries(members.map((m) => [m.userId, m.roles]))).toEqual({
      [owner.id]: ["workspace-admin"],
      [colleague.id]: ["workspace-editor"],
    });
    // The creator asked for themselves as viewer: they stay admin and gain the role.
    const third = await prisma.workspaceMember.findMany({ where: { workspaceId: created[2].workspace_id } });
    expect(third.map((m) => [m.userId, m.roles])).toEqual([[owner.id, ["workspace-admin", "workspace-viewer"]]]);

    const invitations = await prisma.invitation.findMany({
      where: { workspaceId: created[0].workspace_id },
      omit: { tokenHash: false },
      orderBy: { email: "asc" },
    });
    expect(invitations.map((i) => [i.email, i.roles, i.state, i.inviterId, i.organizationId])).toEqual([
      ["new.person@example.test", ["workspace-viewer"], "PENDING", owner.id, orgId],
      [stranger.email, ["workspace-admin", "workspace-viewer"], "PENDING", owner.id, orgId],
    ]);
    for (const inv of invitations) {
      expect(inv.id).toMatch(/^inv_[0-9A-Za-z]{24}$/);
      expect(inv.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Math.abs(inv.expireTime.getTime() - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);
      const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: inv.email, text: { contains: "Batch One" } } });
      const link = /\/invite\/([A-Za-z0-9_-]{43})\b/.exec(mail.text);
      expect(link, mail.text).not.toBeNull();
      // The mail carries the token; the row only its hash.
      expect(createHash("sha256").update(link![1]).digest("hex")).toBe(inv.tokenHash);
      expect(mail.text).not.toContain(inv.tokenHash);
    }
    expect(await prisma.invitation.count({ where: { workspaceId: { in: [created[1].workspace_id, created[2].workspace_id] } } })).toBe(0);

    const audit = await prisma.auditLogEntry.findMany({ where: { workspaceId: { in: created.map((w: { workspace_id: string }) => w.workspace_id) } } });
    expect(audit.map((a) => a.action)).toEqual(["workspace.batch_create", "workspace.batch_create", "workspace.batch_create"]);
    const first = audit.find((a) => a.workspaceId === created[0].workspace_id)!;
    expect(first.changes).toMatchObject({
      after: { workspace_id: created[0].workspace_id, title: "Batch One" },
      members: [{ user_id: colleague.id, roles: ["workspace-editor"] }],
      invitations: [{ email: "new.person@example.test" }, { email: stranger.email }],
    });
  });

  it("rejects the whole batch for one bad row, naming the row, and writes nothing", async () => {
    const prisma = await db();
    const before = await Promise.all([prisma.workspace.count(), prisma.invitation.count(), prisma.outboxMail.count(), prisma.auditLogEntry.count()]);
    const body = {
      requests: [
        { workspace: { title: "Fine 1" }, members: [{ email: "someone@example.test", roles: ["workspace-viewer"] }] },
        { workspace: { title: "Fine 2" } },
        { workspace: { title: "Fine 3" } },
        { workspace: { title: "   " } },
      ],
    };
    const res = await api.post(batchUrl(), { token, body });
    expectRpcError(res, 400, 3, "INVALID_ARGUMENT");
    expect(violatedFields(res.body)).toEqual(["requests[3].workspace.title"]);
    const cases: [object, string][] = [
      [{ requests: [{ workspace: { title: "ok" } }, { workspace: { title: "ok2", data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: -1 }] } } }] }, "requests[1].workspace.data_policy.regions[0].priority"],
      [{ requests: [{ workspace: { title: "ok" }, members: [{ email: "not an email", roles: ["workspace-viewer"] }] }] }, "requests[0].members[0].email"],
      [{ requests: [{ workspace: { title: "ok" }, members: [{ email: "a@example.test", roles: ["org-admin"] }] }] }, "requests[0].members[0].roles[0]"],
      [{ requests: [{ workspace: { title: "ok" }, members: [{ email: "a@example.test", roles: ["role_custom000000000000000000"] }] }] }, "requests[0].members[0].roles[0]"],
      [{ requests: [{ workspace: { title: "ok" }, members: [{ email: "a@example.test", roles: [] }] }] }, "requests[0].members[0].roles"],
      [{ requests: [{ workspace: { title: "ok" }, members: [{ email: "a@example.test", roles: ["workspace-viewer"] }, { email: "A@example.test", roles: ["workspace-editor"] }] }] }, "requests[0].members[1].email"],
      [{ requests: [{ workspace: { title: "ok", colour: "red" } }] }, "requests[0].workspace.colour"],
      [{ requests: [{ workspace: { title: "ok" }, extra: 1 }] }, "requests[0].extra"],
      [{ requests: [] }, "requests"],
      [{ requests: Array.from({ length: 101 }, (_, i) => ({ workspace: { title: `n${i}` } })) }, "requests"],
      [{}, "requests"],
      [{ requests: [{ workspace: { title: "ok" } }], template_workspace_id: 5 }, "template_workspace_id"],
    ];
    for (const [caseBody, field] of cases) {
      const r = await api.post(batchUrl(), { token, body: caseBody });
      expect(r.status, field).toBe(400);
      expect(violatedFields(r.body), JSON.stringify(r.body)).toContain(field);
    }
    const after = await Promise.all([prisma.workspace.count(), prisma.invitation.count(), prisma.outboxMail.count(), prisma.auditLogEntry.count()]);
    expect(after).toEqual(before);
  });

  it("reports title conflicts within the batch and with existing workspaces by row, all or nothing", async () => {
    await makeWorkspace(owner, orgId, { title: "Existing One" });
    const prisma = await db();
    const before = await prisma.workspace.count();
    const inBatch = await api.post(batchUrl(), { token, body: { requests: [{ workspace: { title: "Dup" } }, { workspace: { title: "x" } }, { workspace: { title: "DUP" } }] } });
    expectRpcError(inBatch, 409, 6, "WORKSPACE_TITLE_TAKEN");
    expect(violatedFields(inBatch.body)).toEqual(["requests[2].workspace.title"]);
    const existing = await api.post(batchUrl(), { token, body: { requests: [{ workspace: { title: "New A" } }, { workspace: { title: "existing one" } }] } });
    expectRpcError(existing, 409, 6, "WORKSPACE_TITLE_TAKEN");
    expect(violatedFields(existing.body)).toEqual(["requests[1].workspace.title"]);
    expect(await prisma.workspace.count()).toBe(before);
  });

  it("lets one of two concurrent batches with a shared title win, and the loser leaves nothing behind", async () => {
    const prisma = await db();
    const results = await Promise.all([
      api.post(batchUrl(), { token, body: { requests: [{ workspace: { title: "Left only" } }, { workspace: { title: "Contested" } }] } }),
      api.post(batchUrl(), { token, body: { requests: [{ workspace: { title: "Right only" } }, { workspace: { title: "contested" } }] } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(violatedFields(loser.body)).toEqual(["requests[1].workspace.title"]);
    const titles = (await prisma.workspace.findMany({ where: { organizationId: orgId, title: { in: ["Left only", "Right only", "Contested", "contested"] } } })).map((w) => w.title);
    expect(titles).toHaveLength(2);
  });

  it("limits invitations to the workspace's domain, but adds org members of any domain", async () => {
    const outsider = await makeUser("Out Sider");
    await addMember(outsider.id, orgId, ["org-member"]);
    const ok = await api.post(batchUrl(), {
      token,
      body: { requests: [{ workspace: { title: "Domain ok", configuration: { domain: "acme.example" } }, members: [{ email: "new@acme.example", roles: ["workspace-viewer"] }, { email: outsider.email, roles: ["workspace-viewer"] }] }] },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const bad = await api.post(batchUrl(), {
      token,
      body: { requests: [{ workspace: { title: "Domain bad" } }, { workspace: { title: "Domain bad 2", configuration: { domain: "acme.example" } }, members: [{ email: "new@acme.example", roles: ["workspace-viewer"] }, { email: "evil@other.example", roles: ["workspace-viewer"] }] }] },
    });
    expectRpcError(bad, 400, 3, "EMAIL_OUTSIDE_DOMAIN");
    expect(violatedFields(bad.body)).toEqual(["requests[1].members[1].email"]);
    expect(await (await db()).workspace.count({ where: { title: { startsWith: "Domain bad" } } })).toBe(0);
  });

  it("fills what a request leaves unset from a template: fields, preferences and custom roles", async () => {
    const prisma = await db();
    const template = await makeWorkspace(owner, orgId, {
      title: "Template",
      description: "from template",
      workspace_icon: "shield",
      workspace_icon_color: "#112233",
      data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: 0 }], pii_strategy: "STRICT" },
      configuration: { domain: "tpl.example" },
    });
    await prisma.workspacePreferences.update({ where: { workspaceId: template.workspace_id }, data: { timeZone: "Asia/Kolkata", measurementSystem: "MEASUREMENT_SYSTEM_IMPERIAL" } });
    await prisma.role.create({ data: { id: `role_tpl${template.workspace_id.slice(3, 23)}`, workspaceId: template.workspace_id, title: "Reviewer", titleKey: "reviewer", permissions: ["read:Workspace"] } });
    await prisma.workspaceMember.create({ data: { workspaceId: template.workspace_id, userId: (await makeUser("Tpl Member")).id, roles: ["workspace-viewer"] } });

    const res = await api.post(batchUrl(), {
      token,
      body: {
        template_workspace_id: template.workspace_id,
        requests: [
          { workspace: { title: "From template" } },
          { workspace: { title: "Overrides", description: "", workspace_icon: "star", configuration: { domain: "" }, data_policy: { group: "us-west-2", regions: [{ region: "us-west-2", priority: 0 }] } } },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [plain, overridden] = res.body.workspaces;
    expect(plain).toMatchObject({ description: "from template", workspace_icon: "shield", workspace_icon_color: "#112233", data_policy: template.data_policy, configuration: { domain: "tpl.example" } });
    expect(overridden).toMatchObject({ description: "", workspace_icon: "star", workspace_icon_color: "#112233", configuration: { domain: "" }, data_policy: { group: "us-west-2", pii_strategy: "DEFAULT" } });
    for (const ws of [plain, overridden]) {
      expect(await prisma.workspacePreferences.findUniqueOrThrow({ where: { workspaceId: ws.workspace_id } })).toMatchObject({ timeZone: "Asia/Kolkata", measurementSystem: "MEASUREMENT_SYSTEM_IMPERIAL" });
      const roles = await prisma.role.findMany({ where: { workspaceId: ws.workspace_id } });
      expect(roles.map((r) => r.title)).toEqual(["Reviewer"]);
      expect(roles[0].id).not.toBe(`role_tpl${template.workspace_id.slice(3, 23)}`);
      expect(await prisma.workspaceMember.count({ where: { workspaceId: ws.workspace_id } })).toBe(1);
    }
  });

  it("404s a template the caller cannot see and 403s one they cannot clone", async () => {
    const other = await makeUser("Other Org Owner");
    const otherOrg = (await makeOrg(other)).organization_id;
    const foreign = await makeWorkspace(other, otherOrg);
    const hidden = await api.post(batchUrl(), { token, body: { template_workspace_id: foreign.workspace_id, requests: [{ workspace: { title: "T1" } }] } });
    expectRpcError(hidden, 404, 5, "WORKSPACE_NOT_FOUND");
    expectRpcError(await api.post(batchUrl(), { token, body: { template_workspace_id: "ws_doesnotexist00000000000", requests: [{ workspace: { title: "T2" } }] } }), 404, 5, "WORKSPACE_NOT_FOUND");

    const viewer = await makeUser("Template Viewer");
    const tpl = await makeWorkspace(owner, orgId);
    await addMember(viewer.id, orgId, ["org-member"], { id: tpl.workspace_id, roles: ["workspace-viewer"] });
    const denied = await api.post(batchUrl(), { token: await makeToken(viewer), body: { template_workspace_id: tpl.workspace_id, requests: [{ workspace: { title: "T3" } }] } });
    expectRpcError(denied, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(denied.body)?.metadata.permission).toBe("clone:Workspace");
  });

  it("needs create:Workspace", async () => {
    const readOnly = await makeToken(owner, { access: "READ_ONLY" });
    expectRpcError(await api.post(batchUrl(), { token: readOnly, body: { requests: [{ workspace: { title: "RO" } }] } }), 403, 7, "TOKEN_READ_ONLY");
    const admin = await makeUser("Strict Admin");
    const org = (await makeOrg(admin)).organization_id;
    const member = await makeUser("Plain Member");
    await addMember(member.id, org, ["org-member"]);
    await (await db()).organizationPreferences.update({ where: { organizationId: org }, data: { membersCanCreateWorkspaces: false } });
    const res = await api.post(batchUrl(org), { token: await makeToken(member), body: { requests: [{ workspace: { title: "No" } }] } });
    expectRpcError(res, 403, 7, "PERMISSION_DENIED");
  });

  it("replays a batch sent again with its Idempotency-Key", async () => {
    const headers = { "idempotency-key": "batch-replay-1" };
    const body = { requests: [{ workspace: { title: "Replayed batch" } }] };
    const first = await api.post(batchUrl(), { token, headers, body });
    expect(first.status).toBe(200);
    const again = await api.post(batchUrl(), { token, headers, body });
    expect(again.headers.get("idempotency-replay")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await (await db()).workspace.count({ where: { title: "Replayed batch" } })).toBe(1);
  });
});

describe("POST /organizations/{org}/workspaces:countUsers", () => {
  let org: string;
  let admin: TestUser;
  let adminToken: string;
  let member: TestUser;
  let a: string;
  let b: string;

  beforeAll(async () => {
    admin = await makeUser("Counting Owner");
    org = (await makeOrg(admin)).organization_id;
    adminToken = await makeToken(admin);
    a = (await makeWorkspace(admin, org, { title: "Count A" })).workspace_id;
    b = (await makeWorkspace(admin, org, { title: "Count B" })).workspace_id;
    member = await makeUser("Counted Member");
    await addMember(member.id, org, ["org-member"], { id: a, roles: ["workspace-viewer"] });
    const secondAdmin = await makeUser("Second Admin"); // org admin, no direct membership
    await addMember(secondAdmin.id, org, ["org-admin"]);
    const adminAndMember = await makeUser("Admin And Member"); // counted once
    await addMember(adminAndMember.id, org, ["org-admin"], { id: b, roles: ["workspace-editor"] });
    const plain = await makeUser("Org Only"); // org member of no workspace: not counted
    await addMember(plain.id, org, ["org-member"]);
  });

  it("counts direct members plus org admins who are not members, each person once; valid Kognitos CountWorkspaceUsers", async () => {
    // A: owner (admin, member), Counted Member, Second Admin, Admin And Member (as org admin) = 4
    // B: owner, Admin And Member (member and admin), Second Admin = 3
    const res = await api.post(countUrl(org), { token: adminToken, body: { workspace_ids: [a, b, a] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ workspace_user_counts: { [a]: 4, [b]: 3 } });
    const validate = kognitosValidator("CountWorkspaceUsers");
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("agrees with ListWorkspaceUsers: the count is the number of people that list shows", async () => {
    const counts = (await api.post(countUrl(org), { token: adminToken, body: { workspace_ids: [a, b] } })).body.workspace_user_counts;
    for (const id of [a, b]) {
      const listed = await api.get(`/api/v1/organizations/${org}/workspaces/${id}/users?page_size=1000`, { token: adminToken });
      expect(listed.status).toBe(200);
      const people = new Set(listed.body.users.map((u: { user: { name: string } }) => u.user.name));
      expect(people.size).toBe(listed.body.users.length);
      expect(counts[id], id).toBe(people.size);
    }
  });

  it("404s any id the caller cannot see: another member's workspace, another org's, a deleted or unknown one", async () => {
    const memberToken = await makeToken(member);
    const mine = await api.post(countUrl(org), { token: memberToken, body: { workspace_ids: [a] } });
    expect(mine.body.workspace_user_counts[a]).toBe(4);
    const notMine = await api.post(countUrl(org), { token: memberToken, body: { workspace_ids: [a, b] } });
    expectRpcError(notMine, 404, 5, "WORKSPACE_NOT_FOUND");
    expect(errorInfo(notMine.body)?.metadata.workspace_id).toBe(b);

    const foreign = await makeWorkspace(owner, orgId);
    expectRpcError(await api.post(countUrl(org), { token: adminToken, body: { workspace_ids: [a, foreign.workspace_id] } }), 404, 5, "WORKSPACE_NOT_FOUND");
    const gone = await makeWorkspace(admin, org);
    await api.delete(`/api/v1/organizations/${org}/workspaces/${gone.workspace_id}`, { token: adminToken });
    expectRpcError(await api.post(countUrl(org), { token: adminToken, body: { workspace_ids: [gone.workspace_id] } }), 404, 5, "WORKSPACE_NOT_FOUND");
    expectRpcError(await api.post(countUrl(org), { token: adminToken, body: { workspace_ids: ["ws_unknown0000000000000000"] } }), 404, 5, "WORKSPACE_NOT_FOUND");
    expectRpcError(await api.post(countUrl(org), { token: adminToken, body: { workspace_ids: ["'; DROP TABLE workspaces; --"] } }), 404, 5, "WORKSPACE_NOT_FOUND");

    const scoped = await makeToken(admin, { organizationId: org, workspaceIds: [a] });
    expect((await api.post(countUrl(org), { token: scoped, body: { workspace_ids: [a] } })).status).toBe(200);
    expectRpcError(await api.post(countUrl(org), { token: scoped, body: { workspace_ids: [b] } }), 404, 5, "WORKSPACE_NOT_FOUND");
  });

  it("validates workspace_ids: 1 to 1000 strings", async () => {
    const cases: [object, string][] = [
      [{}, "workspace_ids"],
      [{ workspace_ids: [] }, "workspace_ids"],
      [{ workspace_ids: "ws_a" }, "workspace_ids"],
      [{ workspace_ids: [a, 7] }, "workspace_ids[1]"],
      [{ workspace_ids: Array.from({ length: 1001 }, () => a) }, "workspace_ids"],
      [{ workspace_ids: [a], extra: true }, "extra"],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(countUrl(org), { token: adminToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(violatedFields(res.body)).toContain(field);
    }
  });

  it("answers 1000 ids with one database statement", async () => {
    const ids = await bulkInsertWorkspaces(org, admin.id, 1000);
    await (await db()).workspaceMember.createMany({ data: ids.slice(0, 10).map((id) => ({ workspaceId: id, userId: member.id, roles: ["workspace-viewer"] })) });

    const real = await db();
    let statements = 0;
    // Counts every call that reaches the database through the shared client.
    const counting = new Proxy(real, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop === "string" && prop.startsWith("$") && typeof value === "function") {
          return (...args: unknown[]) => {
            if (prop.startsWith("$query") || prop.startsWith("$execute") || prop === "$transaction") statements++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (value && typeof value === "object" && typeof prop === "string" && !prop.startsWith("$") && !prop.startsWith("_")) {
          return new Proxy(value, {
            get(model, method) {
              const fn = Reflect.get(model, method);
              return typeof fn === "function" ? (...args: unknown[]) => (statements++, fn.apply(model, args)) : fn;
            },
          });
        }
        return value;
      },
    }) as Db;

    const access = await authorize(admin.ctx, "read:Organization", { organizationId: org });
    provideDb(counting);
    try {
      const out = await countWorkspaceUsers(admin.ctx, access, { workspace_ids: ids });
      expect(statements).toBe(1);
      expect(Object.keys(out.workspace_user_counts)).toHaveLength(1000);
      // Each: the creator, plus the two org admins who are not members; the first ten have one member more.
      expect(ids.map((id) => out.workspace_user_counts[id])).toEqual(ids.map((_, i) => (i < 10 ? 4 : 3)));
      statements = 0;
      await countWorkspaceUsers(admin.ctx, access, { workspace_ids: [ids[0]] });
      expect(statements).toBe(1);
    } finally {
      provideDb(real);
    }
  });
});

describe("collection-level routing", () => {
  it("answers unknown collection verbs and segments with 404 and other methods with 405", async () => {
    expectRpcError(await api.post(`/api/v1/organizations/${orgId}/workspaces:explode`, { token, body: {} }), 404, 5, "UNKNOWN_PATH");
    expectRpcError(await api.post(`/api/v1/organizations/${orgId}/workspaces:`, { token, body: {} }), 404, 5, "UNKNOWN_PATH");
    expectRpcError(await api.post(`/api/v1/organizations/${orgId}/gadgets:batchCreate`, { token, body: {} }), 404, 5, "UNKNOWN_PATH");
    expectRpcError(await api.get(`/api/v1/organizations/${orgId}/gadgets`, { token }), 404, 5, "UNKNOWN_PATH");
    const get = await api.get(countUrl(), { token });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    // The plain collection is still the static route.
    expect((await api.get(`/api/v1/organizations/${orgId}/workspaces`, { token })).status).toBe(200);
  });

  it("requires authentication", async () => {
    const res = await api.post(countUrl(), { body: { workspace_ids: ["ws_x"] } });
    expectRpcError(res, 401, 16, "UNAUTHENTICATED");
  });
});
