import { serve } from "@/lib/operations/serve";
import { GetMe } from "@/lib/operations/organizations";

// GET /api/v1/me — the caller
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetMe);
