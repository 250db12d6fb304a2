import { parseWith } from "@/lib/api/http";
import { listParams } from "@/lib/api/list";
import { created, withUser } from "@/lib/auth/route";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";
import { OrganizationCreateInput } from "@/lib/schemas/organizations";

// GET /api/v1/organizations — the caller's organizations (as CurrentUserOrganizations, keyed `organizations`)
export const GET = withUser(async ({ ctx, query }) => {
  const page = await listMyOrganizations(ctx, listParams(query));
  return { organizations: page.user_organizations, next_page_token: page.next_page_token };
});

// POST /api/v1/organizations — CreateOrganization; the caller becomes owner and org admin
export const POST = withUser(async ({ ctx, body }) => {
  const org = await createOrganization(ctx, parseWith(OrganizationCreateInput, await body()));
  return created(org, `/api/v1/${org.name}`);
});
