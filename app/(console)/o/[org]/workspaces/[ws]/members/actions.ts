"use server";

import { parseWith } from "@/lib/api/http";
import { workspaceAction, workspaceOrSelfAction, type ActionResult } from "@/lib/auth/action";
import { addWorkspaceMember } from "@/lib/domain/members/add-workspace-member";
import { removeWorkspaceMember } from "@/lib/domain/members/remove-workspace-member";
import { updateWorkspaceMember } from "@/lib/domain/members/update-workspace-member";
import { MemberRolesUpdateInput, WorkspaceMemberCreateInput, type UserWithRolesOutput } from "@/lib/schemas/members";

/** The console's AddWorkspaceUser: same permission, validation and domain call as POST …/users. */
export async function addMemberAction(org: string, ws: string, input: unknown): Promise<ActionResult<UserWithRolesOutput>> {
  return workspaceAction("create:Member", { organizationId: org, workspaceId: ws }, (ctx, access) =>
    addWorkspaceMember(ctx, access, parseWith(WorkspaceMemberCreateInput, input)),
  );
}

/** The console's UpdateWorkspaceUser: replaces the member's workspace roles. */
export async function updateMemberRolesAction(org: string, ws: string, userId: string, input: unknown): Promise<ActionResult<UserWithRolesOutput>> {
  return workspaceAction("update:Member", { organizationId: org, workspaceId: ws }, (ctx, access) =>
    updateWorkspaceMember(ctx, access, String(userId), parseWith(MemberRolesUpdateInput, input)),
  );
}

/**
 * The console's RemoveWorkspaceUser. As in DELETE …/users/{user}, a member may always leave
 * (self-service, no catalog permission); removing someone else needs delete:Member.
 */
export async function removeMemberAction(org: string, ws: string, userId: string): Promise<ActionResult<null>> {
  return workspaceOrSelfAction("delete:Member", { organizationId: org, workspaceId: ws }, String(userId), async (ctx, access) => {
    await removeWorkspaceMember(ctx, access, String(userId));
    return null;
  });
}
