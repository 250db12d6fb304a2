import { listParams } from "@/lib/api/list";
import { withOrg } from "@/lib/auth/route";
import { listOrganizationRoles } from "@/lib/domain/roles/list-organization-roles";

// GET /api/v1/organizations/{org}/roles — Kognitos ListOrganizationRoles
export const GET = withOrg("read:Organization", async ({ access, query }) => listOrganizationRoles(access, listParams(query)));
