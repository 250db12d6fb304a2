import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import { getOrganization } from "@/lib/domain/organizations/get-organization";
import { listOrganizationUsers } from "@/lib/domain/organizations/list-organization-users";
import { listOrganizationRoles } from "@/lib/domain/roles/list-organization-roles";
import type { OrgAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { orgMemberListParams, parseOrgMemberListQuery, type OrgMemberListQuery } from "@/lib/console/member-list-query";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import { ErrorState } from "@/components/states";
import { requireConsoleOrg } from "../_lib/console-org";
import { OrgSettingsView } from "./_components/org-settings-view";

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

  if (!access.permissions.has("read:Organization")) {
    return (
      <ErrorState
        title="You cannot see this organization's settings"
        message="The settings page requires the read:Organization permission. Ask an organization admin for access."
      />
    );
  }

  const [organization, roles] = await Promise.all([getOrganization(access), listOrganizationRoles(access, { page_size: "100" })]);
  const members = await firstMembersPage(ctx, access, query);

  return (
    <OrgSettingsView
      org={org}
      organization={organization}
      roles={roles.roles.map((r) => ({ id: r.role_id, title: r.title, description: r.description }))}
      permissions={[...access.permissions]}
      caller={{ userId: ctx.caller.userId, email: ctx.caller.email }}
      initialQuery={query}
      initialMembers={members.data}
      renderedAt={members.fetchedAt}
    />
  );
}
