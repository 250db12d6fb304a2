import { withOrg } from "@/lib/auth/route";
import { getOrganization } from "@/lib/domain/organizations/get-organization";

// GET /api/v1/organizations/{org} — Kognitos GetOrganization
export const GET = withOrg("read:Organization", async ({ access }) => getOrganization(access));
