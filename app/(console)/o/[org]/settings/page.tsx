import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import { getOrganization } from "@/lib/domain/organizations/get-organization";
import { listOrganizationUsers } from "@/lib/domain/organizations/list-organization-users";
import { listOrganizationRoles } from "@/lib/domain/roles/list-organization-roles";
import type { OrgAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { orgMemberListParams, parseOrgMemberListQuery, type OrgMemberListQuery } from "@/lib/console/member-list-query";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import { gate, gates, type Gate } from "@/lib/operations/gates";
import { AddOrganizationUser, RemoveOrganizationUser, UpdateOrganizationUser } from "@/lib/operations/members";
import { DeleteOrganization, GetOrganization, TransferOwnership, UpdateOrganization } from "@/lib/operations/organizations";
import { UpdateOrganizationPreferences } from "@/lib/operations/preferences";
import { ListOrganizationUserInvites, ResendWorkspaceUserInvite, RevokeWorkspaceUserInvite } from "@/lib/operations/invitations";
import { loadWorkspaceAccess } from "@/lib/auth/authorize";
import { listOrganizationInvitations } from "@/lib/domain/invitations/list-invitations";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { ErrorState } from "@/components/states";
import { readOnlyReason } from "../workspaces/[ws]/_lib/tab-access";
import { PendingInvitesSection, type InviteWorkspace } from "./_components/pending-invites-section";
import { requireConsoleOrg } from "../_lib/console-org";
import { OrgSettingsView } from "./_components/org-settings-view";
import { getOrganizationPreferences } from "@/lib/domain/preferences/get-organization-preferences";
import { PRODUCT_DEFAULTS } from "@/lib/domain/preferences/inheritance";
import { GENERAL_FIELDS } from "@/lib/schemas/preferences";
import { PreferencesForm } from "../_components/preferences-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organization settings" };

async function firstMembersPage(
  ctx: RequestContext,
  access: OrgAccess,
  query: OrgMemberListQuery,
): Promise<{ data: ListOrganizationUsersOutput | null; fetchedAt: number }> {
  try {
    const data = await listOrganizationUsers(ctx, access, orgMemberListParams(query));
    return { data, fetchedAt: Date.now() };
  } catch (error) {
    // A stale page token in the URL is the table's to explain (it refetches and shows the message).
    if (!(error instanceof ApiError) || error.code !== "INVALID_ARGUMENT") throw error;
    return { data: null, fetchedAt: 0 };
  }
}

const INVITES_SHOWN = "50";

/**
 * The organization's newest pending invitations, each workspace's title and what the caller may do
 * there (their access in that workspace, and whether the workspace can change at all).
 */
async function pendingInvites(ctx: RequestContext, access: OrgAccess) {
  const list = await listOrganizationInvitations(ctx, access, { filter: 'state = "PENDING"', page_size: INVITES_SHOWN, order_by: "create_time desc" });
  const ids = [...new Set(list.invitations.map((i) => i.workspace_id).filter(Boolean))];
  const workspaces: Record<string, InviteWorkspace> = {};
  await Promise.all(
    ids.map(async (workspaceId) => {
      const wsAccess = await loadWorkspaceAccess(ctx, { organizationId: access.organizationId, workspaceId }).catch((error: unknown) => {
        // A workspace the caller cannot see: its row stays, without a link or actions.
        if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
        throw error;
      });
      if (!wsAccess) return;
      const workspace = await getWorkspace(wsAccess);
      const readOnly = readOnlyReason(wsAccess.workspaceState);
      const can = gates(wsAccess, { resend: ResendWorkspaceUserInvite, revoke: RevokeWorkspaceUserInvite });
      const withState = (g: Gate): Gate => (readOnly && g.can ? { can: false, reason: readOnly, needs: "" } : g);
      workspaces[workspaceId] = { title: workspace.title, resend: withState(can.resend), revoke: withState(can.revoke) };
    }),
  );
  return { invitations: list.invitations, workspaces, more: Boolean(list.next_page_token) };
}

export default async function OrgSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const query = parseOrgMemberListQuery(await searchParams);
  const { ctx, access } = await requireConsoleOrg(org, `/o/${org}/settings`);

  const view = gate(access, GetOrganization);
  if (!view.can) {
    return (
      <ErrorState
        title="You cannot see this organization's settings"
        message={`${view.reason} Ask an organization admin for access.`}
      />
    );
  }

  const [organization, roles, preferences] = await Promise.all([
    getOrganization(access),
    listOrganizationRoles(access, { page_size: "100" }),
    getOrganizationPreferences(access),
  ]);
  const canUpdatePreferences = gate(access, UpdateOrganizationPreferences).can;
  const productDefaults = { ...PRODUCT_DEFAULTS, sources: Object.fromEntries(GENERAL_FIELDS.map((f) => [f, "DEFAULT" as const])) as Record<(typeof GENERAL_FIELDS)[number], "DEFAULT"> };
  const members = await firstMembersPage(ctx, access, query);
  const invites = gate(access, ListOrganizationUserInvites).can ? await pendingInvites(ctx, access) : null;

  return (
    <OrgSettingsView
      org={org}
      organization={organization}
      roles={roles.roles.map((r) => ({ id: r.role_id, title: r.title, description: r.description }))}
      can={gates(access, {
        edit: UpdateOrganization,
        addMember: AddOrganizationUser,
        changeMemberRoles: UpdateOrganizationUser,
        removeMember: RemoveOrganizationUser,
        transfer: TransferOwnership,
        remove: DeleteOrganization,
      })}
      caller={{ userId: ctx.caller.userId, email: ctx.caller.email }}
      initialQuery={query}
      initialMembers={members.data}
      renderedAt={members.fetchedAt}
      pendingInvites={invites ? <PendingInvitesSection org={org} {...invites} /> : null}
      defaultPreferences={
        <PreferencesForm
          key={preferences.etag}
          target={{ org }}
          general={preferences.general}
          inherited={productDefaults}
          etag={preferences.etag}
          canUpdate={canUpdatePreferences}
          readOnlyNote={canUpdatePreferences ? "" : "Only organization admins can change the default preferences."}
        />
      }
    />
  );
}
