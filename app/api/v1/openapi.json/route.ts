import { serve } from "@/lib/operations/serve";
import { GetOpenApiDocument } from "@/lib/operations/meta";

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the registry
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetOpenApiDocument);
