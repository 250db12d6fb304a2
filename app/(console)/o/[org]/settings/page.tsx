import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import { getOrganization } from "@/lib/domain/organizations/get-organization";
import { listOrganizationUsers } from "@/lib/domain/organizations/list-organization-users";
import { listOrganizationRoles } from "@/lib/domain/roles/list-organization-roles";
import type { OrgAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { orgMemberListParams, parseOrgMemberListQuery, type OrgMemberListQuery } from "@/lib/console/member-list-query";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import { gate, gates } from "@/lib/operations/gates";
import { AddOrganizationUser, RemoveOrganizationUser, UpdateOrganizationUser } from "@/lib/operations/members";
import { DeleteOrganization, GetOrganization, TransferOwnership, UpdateOrganization } from "@/lib/operations/organizations";
import { UpdateOrganizationPreferences } from "@/lib/operations/preferences";
import { ListOrganizationUserInvites } from "@/lib/operations/invitations";
import { ErrorState } from "@/components/states";
import { PendingInvitesSection } from "./_components/pending-invites-section";
import { pendingInvitesPage, type PendingInvitesPage } from "./_lib/pending-invites";
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

/** The pending invitations' page the URL names; a stale token is the table's to explain. */
async function firstInvitesPage(ctx: RequestContext, access: OrgAccess, token: string): Promise<{ data: PendingInvitesPage | null; fetchedAt: number }> {
  try {
    return { data: await pendingInvitesPage(ctx, access, token), fetchedAt: Date.now() };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "INVALID_ARGUMENT") throw error;
    return { data: null, fetchedAt: 0 };
  }
}

export default async function OrgSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const search = await searchParams;
  const query = parseOrgMemberListQuery(search);
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
  const invitesToken = typeof search.invites_page === "string" ? search.invites_page : "";
  const invites = gate(access, ListOrganizationUserInvites).can ? await firstInvitesPage(ctx, access, invitesToken) : null;

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
      pendingInvites={
        invites ? <PendingInvitesSection org={org} initialToken={invitesToken} initialData={invites.data} renderedAt={invites.fetchedAt} /> : null
      }
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
