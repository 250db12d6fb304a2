import type { Metadata } from "next";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import { countRoleHolders } from "@/lib/domain/roles/count-role-holders";
import { listPermissions } from "@/lib/domain/roles/list-permissions";
import { listWorkspaceRoles } from "@/lib/domain/roles/list-workspace-roles";
import { gate, gates } from "@/lib/operations/gates";
import { CreateWorkspaceRole, DeleteWorkspaceRole, ListWorkspaceRoles, UpdateWorkspaceRole } from "@/lib/operations/roles";
import { ErrorState } from "@/components/states";
import { readOnlyReason, requireWorkspaceTab } from "../_lib/tab-access";
import { RolesView } from "./_components/roles-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Roles" };

async function firstPaint(access: WorkspaceAccess) {
  const [roles, holders] = await Promise.all([listWorkspaceRoles(access, { page_size: "1000" }), countRoleHolders(access)]);
  return { roles: roles.roles, holders, catalog: listPermissions(), fetchedAt: Date.now() };
}

export default async function RolesPage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { ctx, access } = await requireWorkspaceTab(org, ws);

  const view = gate(access, ListWorkspaceRoles);
  if (!view.can) {
    return (
      <ErrorState
        title="You cannot see this workspace's roles"
        message={`${view.reason} Ask a workspace admin for access.`}
        requestId={ctx.requestId}
      />
    );
  }

  const first = await firstPaint(access);
  return (
    <RolesView
      org={org}
      ws={ws}
      permissions={[...access.permissions]}
      can={gates(access, { create: CreateWorkspaceRole, update: UpdateWorkspaceRole, remove: DeleteWorkspaceRole })}
      readOnly={readOnlyReason(access.workspaceState)}
      initialRoles={first.roles}
      initialHolders={first.holders}
      initialCatalog={first.catalog}
      renderedAt={first.fetchedAt}
    />
  );
}
