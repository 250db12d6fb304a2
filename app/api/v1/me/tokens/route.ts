import { serve } from "@/lib/operations/serve";
import { CreateAccessToken, ListAccessTokens } from "@/lib/operations/tokens";

// GET  /me/tokens — ListAccessTokens
// POST /me/tokens — CreateAccessToken
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListAccessTokens, CreateAccessToken);
