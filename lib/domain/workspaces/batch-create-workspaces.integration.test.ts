// batchCreate at its largest: 100 workspaces × 10 members (1,000 invitations and mails, 100 audit
// entries). The bug this pins: each invitation rendered its own mail, and the batch took 3.7–7 s
// on the bench; its statements must not grow with the rows (set-based inserts, one per table).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/authorize";
import { db, provideDb, type Db } from "@/lib/db";
import { BatchCreateWorkspacesInput } from "@/lib/schemas/workspaces";
import { addMember, makeOrg, makeUser, type TestUser } from "@/lib/testing/factories";
import { makeLoggedClient, type LoggedClient } from "@/lib/testing/query-log";
import { batchCreateWorkspaces } from "./batch-create-workspaces";

let owner: TestUser;
let orgId: string;
let colleagues: TestUser[];
let previous: Db;
let statements = 0;
let counted: LoggedClient;

beforeAll(async () => {
  owner = await makeUser("Bulk Owner");
  orgId = (await makeOrg(owner, "Bulk")).organization_id;
  colleagues = await Promise.all([makeUser("Bulk Colleague One"), makeUser("Bulk Colleague Two")]);
  for (const c of colleagues) await addMember(c.id, orgId, ["org-member"]);
  previous = await db();
  counted = makeLoggedClient(2);
  counted.$on("query", () => statements++);
  provideDb(counted as unknown as Db);
});

afterAll(async () => {
  provideDb(previous);
  await counted?.$disconnect();
});

/** `workspaces` rows of `members` each: the two colleagues join, the rest are invited. */
function batch(tag: string, workspaces: number, members: number) {
  return BatchCreateWorkspacesInput.parse({
    requests: Array.from({ length: workspaces }, (_, i) => ({
      workspace: { title: `${tag} ${i}` },
      members: Array.from({ length: members }, (_, j) => ({
        email: j < colleagues.length ? colleagues[j].email : `invitee.${tag.toLowerCase()}.${i}.${j}@example.test`,
        roles: [j % 2 ? "workspace-editor" : "workspace-viewer"],
      })),
    })),
  });
}

async function run(tag: string, workspaces: number, members: number) {
  const access = await authorize(owner.ctx, "create:Workspace", { organizationId: orgId });
  const before = statements;
  const started = performance.now();
  const result = await batchCreateWorkspaces(owner.ctx, access, batch(tag, workspaces, members));
  return { result, ms: performance.now() - started, statements: statements - before };
}

describe("batchCreate of 100 workspaces × 10 members", () => {
  it("sends as many statements for 100 × 10 as for 2 × 10: none per row", async () => {
    const small = await run("Small", 2, 10);
    const large = await run("Large", 100, 10);
    console.log(`batchCreate 2 × 10: ${small.statements} statements, ${small.ms.toFixed(0)} ms; 100 × 10: ${large.statements} statements, ${large.ms.toFixed(0)} ms`);
    expect(large.result.workspaces).toHaveLength(100);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(16);

    const prisma = await db();
    const ids = large.result.workspaces.map((w) => w.workspace_id);
    expect(await prisma.invitation.count({ where: { workspaceId: { in: ids } } })).toBe(800);
    expect(await prisma.workspaceMember.count({ where: { workspaceId: { in: ids } } })).toBe(300);
    expect(await prisma.auditLogEntry.count({ where: { workspaceId: { in: ids }, action: "workspace.batch_create" } })).toBe(100);
    const mails = await prisma.outboxMail.findMany({ where: { organizationId: orgId, to: { startsWith: "invitee.large." } }, select: { to: true, text: true, html: true } });
    expect(mails).toHaveLength(800);
    // Each mail carries its own link and names its own workspace.
    expect(new Set(mails.map((m) => /\/invite\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1])).size).toBe(800);
    for (const m of mails) {
      const i = /^invitee\.large\.(\d+)\./.exec(m.to)![1];
      expect(m.text).toContain(`the workspace "Large ${i}"`);
      expect(m.html).toContain(`<strong>Large ${i}</strong>`);
    }
  });
});
