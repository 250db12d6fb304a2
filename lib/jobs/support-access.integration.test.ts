// The job runner ends support grants past their expiry: one `support_access.end` audit entry per
// grant even when several instances run the sweep at once, nothing for a grant not yet due or
// already ended, and a re-run finds nothing.

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { endExpiredSupportAccess } from "@/lib/domain/preferences/support-access";
import { startJobRunner } from "./runner";

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Support Admin");
  orgId = (await makeOrg(admin, "Support Org")).organization_id;
});

/** A workspace whose support grant ends at `expireTime` (set in the row, as a grant made earlier would have left it). */
async function grantedUntil(expireTime: Date): Promise<string> {
  const wsId = (await makeWorkspace(admin, orgId)).workspace_id;
  const prisma = await db();
  await prisma.workspacePreferences.upsert({
    where: { workspaceId: wsId },
    create: { workspaceId: wsId, supportTeamAccess: true, supportAccessExpireTime: expireTime },
    update: { supportTeamAccess: true, supportAccessExpireTime: expireTime },
  });
  return wsId;
}

async function endEntries(wsId: string) {
  return (await db()).auditLogEntry.findMany({ where: { workspaceId: wsId, action: "support_access.end" } });
}

describe("support-access expiry job", () => {
  it("ends a due grant once across two instances, leaves a future grant, and a re-run finds nothing", async () => {
    const prisma = await db();
    const due = await grantedUntil(new Date(Date.now() - 60_000));
    const future = await grantedUntil(new Date(Date.now() + 3_600_000));

    const other = await createPrismaClient(process.env.DATABASE_URL);
    try {
      await Promise.all([endExpiredSupportAccess(new Date(), prisma), endExpiredSupportAccess(new Date(), other.prisma)]);
    } finally {
      await other.close();
    }

    const entries = await endEntries(due);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "SYSTEM", organizationId: orgId, resource: `organizations/${orgId}/workspaces/${due}/preferences` });
    expect(entries[0].changes).toMatchObject({ reason: "EXPIRED", before: { support_team_access: true }, after: { support_team_access: false, support_access_expire_time: null } });
    expect(await prisma.workspacePreferences.findUniqueOrThrow({ where: { workspaceId: due } })).toMatchObject({ supportTeamAccess: false, supportAccessExpireTime: null });

    expect(await endEntries(future)).toHaveLength(0);
    expect(await prisma.workspacePreferences.findUniqueOrThrow({ where: { workspaceId: future } })).toMatchObject({ supportTeamAccess: true });

    await endExpiredSupportAccess(new Date(), prisma);
    expect(await endEntries(due)).toHaveLength(1);
  });

  it("runs in the job runner's pass", async () => {
    const due = await grantedUntil(new Date(Date.now() - 1000));
    const lines: string[] = [];
    const runner = startJobRunner({ intervalMs: 3_600_000, mailer: null, log: (l) => lines.push(l) });
    try {
      await runner.runOnce();
    } finally {
      runner.stop();
    }
    expect(await endEntries(due)).toHaveLength(1);
    expect(lines.filter((l) => l.includes("support-access failed"))).toEqual([]);
    expect(lines.some((l) => /ended \d+ expired support grant/.test(l))).toBe(true);
  });
});
