import "server-only";
import { looksLikeId } from "../../ids";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../../prisma-client";
import type { InvitationStateName } from "../../schemas/invitations";
import { invitationNotFound } from "./invitation-errors";

export interface LockedInvitation {
  id: string;
  organization_id: string;
  workspace_id: string | null;
  email: string;
  roles: string[];
  state: InvitationStateName;
  expire_time: Date;
}

/**
 * Locks one invitation of a workspace (FOR UPDATE), scoped by tenant in the query itself: an
 * invitation of another workspace or organization is simply not found.
 */
export async function lockWorkspaceInvitation(tx: Tx, organizationId: string, workspaceId: string, id: string): Promise<LockedInvitation> {
  if (!looksLikeId(id, "inv")) throw invitationNotFound(organizationId, workspaceId, id);
  const rows = await tx.$queryRaw<LockedInvitation[]>(Prisma.sql`
    SELECT id, organization_id, workspace_id, email, roles, state::text AS state, expire_time
      FROM invitations
     WHERE id = ${id} AND organization_id = ${organizationId} AND workspace_id = ${workspaceId}
     FOR UPDATE`);
  if (rows.length === 0) throw invitationNotFound(organizationId, workspaceId, id);
  return rows[0];
}
