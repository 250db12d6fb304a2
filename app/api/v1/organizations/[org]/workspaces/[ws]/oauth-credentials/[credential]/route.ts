import { serve } from "@/lib/operations/serve";
import { DeleteOAuthCredential, GetOAuthCredential, RotateOAuthCredential } from "@/lib/operations/credentials";

// GET    …/oauth-credentials/{credential} — GetOAuthCredential
// DELETE …/oauth-credentials/{credential} — DeleteOAuthCredential
// POST   …/oauth-credentials/{credential}:rotate — RotateOAuthCredential
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetOAuthCredential, DeleteOAuthCredential, RotateOAuthCredential);
