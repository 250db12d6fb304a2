import type { Metadata } from "next";
import { BUILT_IN_WORKSPACE_ROLES } from "@/lib/auth/permissions";
import { listWorkspaceInvitations } from "@/lib/domain/invitations/list-invitations";
import { builtInRoleOutput } from "@/lib/domain/roles/role-output";
import { listWorkspaceRoles } from "@/lib/domain/roles/list-workspace-roles";
import { INVITATION_STATES, type InvitationStateName } from "@/lib/schemas/invitations";
import type { RoleOutput } from "@/lib/schemas/roles";
import { gate, gates } from "@/lib/operations/gates";
import { CreateWorkspaceUserInvites, ListWorkspaceUserInvites, RevokeWorkspaceUserInvite } from "@/lib/operations/invitations";
import { ListWorkspaceRoles } from "@/lib/operations/roles";
import { ErrorState } from "@/components/states";
import { requireConsoleWorkspace } from "../_lib/console-workspace";
import { readOnlyReason } from "../_lib/tab-access";
import { InvitesView } from "./_components/invites-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invites" };

export default async function InvitesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; ws: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, ws } = await params;
  const query = await searchParams;
  const rawState = query.state;
  const state = (INVITATION_STATES as readonly string[]).includes(String(rawState)) ? (String(rawState) as InvitationStateName) : "PENDING";
  const { ctx, access, workspace } = await requireConsoleWorkspace(org, ws);

  const view = gate(access, ListWorkspaceUserInvites);
  if (!view.can) {
    return (
      <ErrorState
        title="You cannot see this workspace's invitations"
        message={`${view.reason} Ask a workspace admin for access.`}
        requestId={ctx.requestId}
      />
    );
  }
  const list = await listWorkspaceInvitations(ctx, access, { filter: `state = "${state}"`, page_size: "200", order_by: "create_time desc" });
  const parent = `organizations/${org}/workspaces/${ws}`;
  const roles: RoleOutput[] = gate(access, ListWorkspaceRoles).can
    ? (await listWorkspaceRoles(access, { page_size: "1000" })).roles
    : BUILT_IN_WORKSPACE_ROLES.map((r) => builtInRoleOutput(parent, r));
  return (
    <InvitesView
      org={org}
      ws={ws}
      state={state}
      invitations={list.invitations}
      roles={roles}
      domain={workspace.configuration.domain}
      permissions={[...access.permissions]}
      can={gates(access, { invite: CreateWorkspaceUserInvites, revoke: RevokeWorkspaceUserInvite })}
      readOnly={readOnlyReason(access.workspaceState)}
      openInvite={query.invite === "1"}
    />
  );
}
