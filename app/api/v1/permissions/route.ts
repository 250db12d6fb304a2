import { withUser } from "@/lib/auth/route";
import { listPermissions } from "@/lib/domain/roles/list-permissions";

// GET /api/v1/permissions — the permission catalog custom roles are written from
export const GET = withUser(async () => listPermissions());
