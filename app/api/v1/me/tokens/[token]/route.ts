import { serve } from "@/lib/operations/serve";
import { GetAccessToken, RevokeAccessToken, UpdateAccessToken } from "@/lib/operations/tokens";

// GET    /me/tokens/{token} — GetAccessToken
// PATCH  /me/tokens/{token} — UpdateAccessToken
// DELETE /me/tokens/{token} — RevokeAccessToken
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetAccessToken, UpdateAccessToken, RevokeAccessToken);
