import { parseWith } from "@/lib/api/http";
import { byVerb, withOrg } from "@/lib/auth/route";
import { getOrganization } from "@/lib/domain/organizations/get-organization";
import { transferOwnership } from "@/lib/domain/organizations/transfer-ownership";
import { updateOrganization } from "@/lib/domain/organizations/update-organization";
import { TransferOwnershipInput } from "@/lib/schemas/organizations";

const ALLOW = ["GET", "PATCH"];

// GET /api/v1/organizations/{org} — Kognitos GetOrganization
export const GET = byVerb("org", { "": withOrg("read:Organization", async ({ access }) => getOrganization(access)) }, ALLOW);

// PATCH /api/v1/organizations/{org} — UpdateOrganization (title, logo_data_uri; update_mask)
export const PATCH = byVerb(
  "org",
  {
    "": withOrg("update:Organization", async ({ ctx, access, body, query }) =>
      updateOrganization(ctx, access, await body(), query.get("update_mask")),
    ),
  },
  ALLOW,
);

// POST /api/v1/organizations/{org}:transferOwnership — the owner hands the organization to a member
export const POST = byVerb(
  "org",
  {
    transferOwnership: withOrg("manage:OrganizationMember", async ({ ctx, access, body }) =>
      transferOwnership(ctx, access, parseWith(TransferOwnershipInput, await body())),
    ),
  },
  ALLOW,
);
