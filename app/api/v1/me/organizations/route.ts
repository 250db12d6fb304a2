import { listParams } from "@/lib/api/list";
import { withUser } from "@/lib/auth/route";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";

// GET /api/v1/me/organizations — Kognitos CurrentUserOrganizations
export const GET = withUser(async ({ ctx, query }) => listMyOrganizations(ctx, listParams(query)));
