import { serve } from "@/lib/operations/serve";
import { CreateOAuthCredential, ListOAuthCredentials } from "@/lib/operations/credentials";

// GET  …/workspaces/{ws}/oauth-credentials — ListOAuthCredentials
// POST …/workspaces/{ws}/oauth-credentials — CreateOAuthCredential
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOAuthCredentials, CreateOAuthCredential);
