import { serve } from "@/lib/operations/serve";
import { ListPermissions } from "@/lib/operations/roles";

// GET /api/v1/permissions — the permission catalog
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListPermissions);
