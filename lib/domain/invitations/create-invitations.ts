import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import { limitInvitations } from "../../api/rate-limit";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import { Prisma } from "../../generated/prisma/client";
import type { CreateInvitationsOutput, InvitationCreateInput } from "../../schemas/invitations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { lockWorkspaceMembership, workspaceName } from "../members/membership-guard";
import { loadWorkspaceRoles } from "../members/workspace-user";
import { assertCanGrant } from "../roles/grants";
import { insertInvitations, reissueInvitation, type NewInvitation } from "./insert-invitation";
import { invitationName, invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";

export const emailDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** API.md §3: a workspace with a `configuration.domain` takes invitations for that domain only. */
export function assertEmailsInDomain(emails: readonly string[], domain: string, field = "emails"): void {
  if (!domain) return;
  const outside = emails.map((e, i) => ({ e, i })).filter(({ e }) => emailDomain(e) !== domain.toLowerCase());
  if (outside.length === 0) return;
  throw new ApiError(
    "INVALID_ARGUMENT",
    `${outside.map((o) => o.e).join(", ")} ${outside.length === 1 ? "is" : "are"} outside the workspace's domain ${domain}; only addresses of ${domain} can be invited.`,
    {
      reason: "EMAIL_OUTSIDE_DOMAIN",
      metadata: { domain },
      fieldViolations: outside.map((o) => ({ field: `${field}[${o.i}]`, description: `must be an address of ${domain} to be invited` })),
    },
  );
}

/**
 * POST …/workspaces/{ws}/invites: one invitation per address, all or nothing. An address with a
 * pending invitation to this workspace gets that invitation refreshed (new link, new expiry, the
 * new roles), not a second one; an address that is already a member is reported, not invited.
 */
export async function createInvitations(ctx: RequestContext, access: WorkspaceAccess, input: InvitationCreateInput): Promise<CreateInvitationsOutput> {
  const { organizationId, workspaceId } = access;
  await limitInvitations(ctx.ip, organizationId, new Set(input.emails).size);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // Serializes with every other membership and invitation change of this workspace, so two
    // concurrent invites of one address cannot both insert.
    await lockWorkspaceMembership(tx, organizationId, workspaceId);
    const ws = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { title: true, domain: true, organization: { select: { title: true } } },
    });
    assertEmailsInDomain(input.emails, ws.domain);
    const roles = await loadWorkspaceRoles(tx, workspaceId, input.roles);
    assertCanGrant(access.permissions, roles);
    const roleIds = roles.map((r) => r.id);
    const emails = [...new Set(input.emails)];

    const members = await tx.$queryRaw<{ email: string }[]>(Prisma.sql`
      SELECT u.email FROM users u
       WHERE u.email = ANY(${emails}::text[])
         AND (EXISTS (SELECT 1 FROM workspace_members wm WHERE wm.workspace_id = ${workspaceId} AND wm.user_id = u.id)
              OR EXISTS (SELECT 1 FROM organization_members om WHERE om.organization_id = ${organizationId} AND om.user_id = u.id
                                                                  AND om.roles @> ${[ORG_ADMIN]}::text[]))`);
    const memberEmails = new Set(members.map((m) => m.email));
    const toInvite = emails.filter((e) => !memberEmails.has(e));

    const pending = toInvite.length
      ? await tx.$queryRaw<{ id: string; email: string }[]>(Prisma.sql`
          SELECT id, email FROM invitations
           WHERE workspace_id = ${workspaceId} AND state = 'PENDING' AND email = ANY(${toInvite}::text[])
           FOR UPDATE`)
      : [];
    const pendingByEmail = new Map(pending.map((p) => [p.email, p.id]));

    const base = (email: string): NewInvitation => ({
      organizationId,
      workspaceId,
      email,
      roles: roleIds,
      organizationTitle: ws.organization.title,
      workspaceTitle: ws.title,
    });
    const fresh = await insertInvitations(tx, ctx, toInvite.filter((e) => !pendingByEmail.has(e)).map(base));
    const refreshed = [];
    for (const [email, id] of pendingByEmail) refreshed.push(await reissueInvitation(tx, ctx, id, base(email)));

    const ids = [...fresh, ...refreshed].map((i) => i.id);
    for (const inv of [...fresh, ...refreshed]) {
      await writeAuditEntry(tx, ctx, {
        organizationId,
        workspaceId,
        action: pendingByEmail.has(inv.email) ? "invitation.refresh" : "invitation.create",
        resource: invitationName(organizationId, workspaceId, inv.id),
        changes: { after: { email: inv.email, roles: roleIds, expire_time: inv.expireTime.toISOString() } },
      });
    }
    const rows = (await tx.invitation.findMany({ where: { id: { in: ids } }, select: invitationSelect })) as InvitationRow[];
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    return {
      invitations: toInvite.map((e) => toInvitationOutput(byEmail.get(e)!)),
      skipped: emails
        .filter((e) => memberEmails.has(e))
        .map((email) => ({
          email,
          reason: "ALREADY_MEMBER" as const,
          message: `${email} is already a member of workspace ${workspaceName(organizationId, workspaceId)}.`,
        })),
    };
  });
}
