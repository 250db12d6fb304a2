// Operations about the API itself.

import "server-only";
import { z } from "zod";
import { operation } from "./operation";

export const GetOpenApiDocument = operation({
  id: "GetOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  tag: "API",
  summary: "This document: the OpenAPI 3.1 description of every operation",
  scope: "public",
  permission: "none",
  response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
  errors: [],
  // Imported when asked: the document is built from the registry that lists this operation.
  run: async () => (await import("../openapi")).openApiDocument(),
});

export const META_OPERATIONS = [GetOpenApiDocument];
