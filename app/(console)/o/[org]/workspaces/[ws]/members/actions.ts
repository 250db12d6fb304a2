"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { AddWorkspaceUser, RemoveWorkspaceUser, UpdateWorkspaceUser } from "@/lib/operations/members";
import type { UserWithRolesOutput } from "@/lib/schemas/members";

/** AddWorkspaceUser from the Members tab. */
export async function addMemberAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<UserWithRolesOutput>> {
  return perform(AddWorkspaceUser, { organization_id: org, workspace_id: ws }, { body: input });
}

/** UpdateWorkspaceUser: replaces the member's workspace roles. */
export async function updateMemberRolesAction(org: string, ws: string, userId: string, input: unknown): Promise<ActionOutcome<UserWithRolesOutput>> {
  return perform(UpdateWorkspaceUser, { organization_id: org, workspace_id: ws, user_id: userId }, { body: input });
}

/** RemoveWorkspaceUser: a member may always leave; removing someone else needs the operation's permission. */
export async function removeMemberAction(org: string, ws: string, userId: string): Promise<ActionOutcome<null>> {
  return perform(RemoveWorkspaceUser, { organization_id: org, workspace_id: ws, user_id: userId });
}
