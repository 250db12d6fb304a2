import type { Metadata } from "next";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import { countRoleHolders } from "@/lib/domain/roles/count-role-holders";
import { listPermissions } from "@/lib/domain/roles/list-permissions";
import { listWorkspaceRoles } from "@/lib/domain/roles/list-workspace-roles";
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

  if (!access.permissions.has("read:Role")) {
    return (
      <ErrorState
        title="You cannot see this workspace's roles"
        message="Viewing roles requires the read:Role permission. Ask a workspace admin for access."
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
      readOnly={readOnlyReason(access.workspaceState)}
      initialRoles={first.roles}
      initialHolders={first.holders}
      initialCatalog={first.catalog}
      renderedAt={first.fetchedAt}
    />
  );
}
