// The OpenAPI 3.1 document of the API, generated from the operation registry: every operation's
// parameters, request body, success response and rpcStatus errors come from the same zod schemas
// that validate requests and check responses. Named output schemas become components.

import "server-only";
import { z, type ZodType } from "zod";
import { RPC_CODES, type RpcCodeName } from "./api/errors";
import { OPERATIONS } from "./operations";
import { pathParamNames, type Operation } from "./operations/operation";
import { ListUsersOutput, UserBasicInfoOutput, UserWithRolesOutput } from "./schemas/members";
import { OrganizationOutput, OrganizationUserOutput } from "./schemas/organizations";
import { PermissionOutput, RoleOutput } from "./schemas/roles";
import { StateTransitionOutput, WorkspaceOutput } from "./schemas/workspaces";
import { TokenOutput } from "./schemas/tokens";
import { CredentialOutput } from "./schemas/credentials";
import { GetInvitationOutput, ListInvitationsOutput, UserInvitationOutput } from "./schemas/invitations";
import { OutboxMailOutput } from "./schemas/mail";

type Json = Record<string, unknown>;

/** Output schemas named as seed 003 names them (v1…) or in its style. */
const components = z.registry<{ id: string }>();
components.add(WorkspaceOutput, { id: "v1Workspace" });
components.add(StateTransitionOutput, { id: "v1StateTransition" });
components.add(OrganizationOutput, { id: "v1Organization" });
components.add(OrganizationUserOutput, { id: "v1OrganizationUser" });
components.add(UserWithRolesOutput, { id: "v1UserWithRoles" });
components.add(UserBasicInfoOutput, { id: "v1UserBasicInfo" });
components.add(ListUsersOutput, { id: "v1ListUsersResponse" });
components.add(RoleOutput, { id: "v1Role" });
components.add(PermissionOutput, { id: "v1Permission" });
components.add(TokenOutput, { id: "v1AccessToken" });
components.add(CredentialOutput, { id: "v1OAuthCredential" });
components.add(UserInvitationOutput, { id: "v1UserInvitation" });
components.add(ListInvitationsOutput, { id: "v1ListWorkspaceUserInvitesResponse" });
components.add(GetInvitationOutput, { id: "v1GetInvitationResponse" });
components.add(OutboxMailOutput, { id: "v1OutboxMail" });

const RPC_STATUS: Json = {
  type: "object",
  description: "google.rpc.Status",
  properties: {
    code: { type: "integer", format: "int32" },
    message: { type: "string" },
    details: {
      type: "array",
      items: {
        type: "object",
        properties: { "@type": { type: "string" } },
        additionalProperties: {},
      },
    },
  },
  required: ["code", "message", "details"],
};

const HTTP_OF: Partial<Record<RpcCodeName, string>> = {
  INVALID_ARGUMENT: "400",
  FAILED_PRECONDITION: "400",
  UNAUTHENTICATED: "401",
  PERMISSION_DENIED: "403",
  NOT_FOUND: "404",
  ALREADY_EXISTS: "409",
  ABORTED: "409",
  RESOURCE_EXHAUSTED: "429",
  INTERNAL: "500",
  UNAVAILABLE: "503",
};

const PARAM_DESCRIPTIONS: Record<string, string> = {
  organization_id: "The organization's id (`org_…`).",
  workspace_id: "The workspace's id (`ws_…`).",
  user_id: "The user's id (`usr_…`).",
  role_id: "A built-in role id (`workspace-admin`, …) or a custom role's id (`role_…`).",
  token_id: "The personal access token's id (`pat_…`), not the token itself.",
  credential_id: "The OAuth credential's id (`cred_…`).",
};

/** Converts one schema; registered subschemas are hoisted into `defs` and referenced as components. */
function jsonSchema(schema: ZodType, io: "input" | "output", defs: Json): Json {
  const out = z.toJSONSchema(schema, { metadata: components, io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  const text = JSON.stringify(out).replaceAll('"#/$defs/', '"#/components/schemas/');
  const parsed = JSON.parse(text) as Json;
  delete parsed.$schema;
  const hoisted = (parsed.$defs ?? {}) as Json;
  delete parsed.$defs;
  for (const [name, def] of Object.entries(hoisted)) defs[name] ??= def;
  const id = components.get(schema)?.id;
  if (id) {
    defs[id] ??= parsed;
    return { $ref: `#/components/schemas/${id}` };
  }
  return parsed;
}

function queryParameters(op: Operation, defs: Json): Json[] {
  if (!op.query) return [];
  const schema = jsonSchema(op.query, "input", defs) as { properties?: Record<string, Json> };
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: "query", required: false, schema: rest, ...(description ? { description } : {}) };
  });
}

function operationObject(op: Operation, defs: Json): Json {
  const parameters = [
    ...pathParamNames(op.path).map((name) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
      description: PARAM_DESCRIPTIONS[name] ?? name,
    })),
    ...queryParameters(op, defs),
    ...(op.etag ? [{ name: "If-Match", in: "header", required: false, schema: { type: "string" }, description: "AIP-154 precondition: the etag the change is based on." }] : []),
    ...(op.method !== "GET" && op.scope !== "public"
      ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", minLength: 1, maxLength: 255 }, description: "Replays the first answer for 24 h." }]
      : []),
  ];
  const success = op.response ? String(op.status ?? 200) : "204";
  const responses: Json = {
    [success]: op.response
      ? {
          description: op.status === 201 ? "Created" : "OK",
          content: { "application/json": { schema: jsonSchema(op.response, "output", defs) } },
        }
      : { description: "No Content" },
  };
  const codes: RpcCodeName[] = [...op.errors, ...(op.scope === "public" ? [] : (["UNAUTHENTICATED"] as const)), "INTERNAL"];
  for (const code of new Set(codes)) {
    const status = HTTP_OF[code] ?? "500";
    const existing = responses[status] as { description: string } | undefined;
    const text = `${code} (${RPC_CODES[code]})`;
    responses[status] = {
      description: existing ? `${existing.description}, ${text}` : text,
      content: { "application/json": { schema: { $ref: "#/components/schemas/rpcStatus" } } },
    };
  }
  const requirement = op.scope === "public" ? [] : [{ bearerAuth: [] }, { accessKeyAuth: [] }, { sessionCookie: [] }];
  const scopeNote =
    op.scope === "organization" || op.scope === "workspace"
      ? `Requires \`${op.permission}\` on the ${op.scope}.`
      : op.scope === "user"
        ? "Any signed-in caller."
        : "No authentication.";
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, scopeNote].filter(Boolean).join("\n\n"),
    parameters,
    ...(op.body
      ? {
          requestBody: {
            required: op.method === "POST" && op.scope !== "public",
            content: {
              "application/json": {
                schema: jsonSchema(op.body, "input", defs),
                ...(op.example !== undefined ? { example: op.example } : {}),
              },
            },
          },
        }
      : {}),
    responses,
    security: requirement,
  };
}

let cached: Json | undefined;

/** The document (built once per process: the registry does not change while it runs). */
export function openApiDocument(): Json {
  if (cached) return cached;
  const defs: Json = { rpcStatus: RPC_STATUS };
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op, defs);
  }
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name }));
  cached = {
    openapi: "3.1.1",
    info: {
      title: "Workspace Admin API",
      version: "1.0.0",
      description:
        "Organizations, workspaces, members, roles, invitations and preferences, in the Kognitos Workspaces API dialect (Google AIPs: filter, order_by, page_token, google.rpc.Status errors).",
    },
    servers: [{ url: "/api/v1" }],
    tags,
    paths,
    components: {
      schemas: defs,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal access token: `Authorization: Bearer <token>`." },
        accessKeyAuth: { type: "apiKey", in: "header", name: "Authorization", description: "`Authorization: AccessKey <token>` (Bird style)." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The console's session; changes must come from the same origin.",
        },
      },
    },
  };
  return cached;
}
