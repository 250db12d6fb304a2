// Scheduled clean-up: soft-deleted workspaces past their purge time go for good (their members,
// roles, invitations, preferences and credentials with them, by cascade); their audit entries
// stay, with a `workspace.purge` entry added. Soft-deleted organizations past theirs lose
// everything they held the same way (workspaces, members, invitations, preferences, access
// tokens scoped to them, their mail), while the organization row stays as a purged tombstone
// so its audit entries, and the `organization.purge` entry added, keep their organization. Pending invitations past their expiry become
// EXPIRED. Each sweep works in batches under `FOR UPDATE SKIP LOCKED`, so several instances
// running it at once split the work instead of repeating it, and a second run finds nothing.

import { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import type { Db } from "../prisma-client";

export const SYSTEM_ACTOR = { type: "SYSTEM", id: "job-runner" } as const;

export async function purgeWorkspaces(prisma: Db, batchSize = 50): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const doomed = await tx.$queryRaw<{ id: string; organization_id: string; title: string }[]>(Prisma.sql`
      SELECT id, organization_id, title FROM workspaces
       WHERE delete_time IS NOT NULL AND purge_time IS NOT NULL AND purge_time <= now()
       ORDER BY purge_time LIMIT ${batchSize}
       FOR UPDATE SKIP LOCKED`);
    if (doomed.length === 0) return [];
    await tx.auditLogEntry.createMany({
      data: doomed.map((w) => ({
        id: newId("aud"),
        organizationId: w.organization_id,
        workspaceId: w.id,
        action: "workspace.purge",
        actorType: SYSTEM_ACTOR.type,
        actorId: SYSTEM_ACTOR.id,
        resource: `organizations/${w.organization_id}/workspaces/${w.id}`,
        changes: { before: { title: w.title } },
      })),
    });
    const ids = doomed.map((w) => w.id);
    await tx.$executeRaw(Prisma.sql`DELETE FROM workspaces WHERE id = ANY(${ids}::text[])`);
    return ids;
  });
}

export async function purgeOrganizations(prisma: Db, batchSize = 10): Promise<string[]> {
  return prisma.$transaction(
    async (tx) => {
      const doomed = await tx.$queryRaw<{ id: string; title: string }[]>(Prisma.sql`
        SELECT id, title FROM organizations
         WHERE delete_time IS NOT NULL AND purge_time IS NOT NULL AND purge_time <= now() AND purged_time IS NULL
         ORDER BY purge_time LIMIT ${batchSize}
         FOR UPDATE SKIP LOCKED`);
      if (doomed.length === 0) return [];
      const ids = doomed.map((o) => o.id);
      await tx.auditLogEntry.createMany({
        data: doomed.map((o) => ({
          id: newId("aud"),
          organizationId: o.id,
          action: "organization.purge",
          actorType: SYSTEM_ACTOR.type,
          actorId: SYSTEM_ACTOR.id,
          resource: `organizations/${o.id}`,
          changes: { before: { title: o.title } },
        })),
      });
      // Workspaces take their members, roles, invitations, preferences and credentials along (cascade).
      await tx.$executeRaw(Prisma.sql`DELETE FROM workspaces WHERE organization_id = ANY(${ids}::text[])`);
      await tx.$executeRaw(Prisma.sql`DELETE FROM invitations WHERE organization_id = ANY(${ids}::text[])`);
      await tx.$executeRaw(Prisma.sql`DELETE FROM organization_members WHERE organization_id = ANY(${ids}::text[])`);
      await tx.$executeRaw(Prisma.sql`DELETE FROM organization_preferences WHERE organization_id = ANY(${ids}::text[])`);
      await tx.$executeRaw(Prisma.sql`DELETE FROM personal_access_tokens WHERE organization_id = ANY(${ids}::text[])`);
      await tx.$executeRaw(Prisma.sql`DELETE FROM outbox_mails WHERE organization_id = ANY(${ids}::text[])`);
      await tx.$executeRaw(Prisma.sql`UPDATE organizations SET purged_time = now(), logo_data_uri = '' WHERE id = ANY(${ids}::text[])`);
      return ids;
    },
    { timeout: 60_000 },
  );
}

export async function expireInvitations(prisma: Db, batchSize = 500): Promise<number> {
  return prisma.$executeRaw(Prisma.sql`
    UPDATE invitations SET state = 'EXPIRED', update_time = now()
     WHERE id IN (SELECT id FROM invitations WHERE state = 'PENDING' AND expire_time <= now()
                   LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`);
}

/** Used or expired account links are kept a day (for the "already used" answer), then dropped. */
export async function dropStaleAccountTokens(prisma: Db): Promise<number> {
  return prisma.$executeRaw(Prisma.sql`DELETE FROM account_tokens WHERE expire_time <= now() - interval '1 day'`);
}
