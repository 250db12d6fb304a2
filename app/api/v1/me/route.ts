import { withUser } from "@/lib/auth/route";
import { getMe } from "@/lib/domain/users/get-me";

// GET /api/v1/me — the caller.
export const GET = withUser(async ({ ctx }) => getMe(ctx));
