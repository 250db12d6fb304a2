// The one pipeline every operation runs through, whichever edge received it: authorization for
// the operation's scope (through `authorize`, the one place), then parsing of query and body,
// the update mask and etag preconditions, the domain call, and the output check. The REST edge
// (serve) and the console edge (perform) differ only in where the raw values come from.

import "server-only";
import { invalidEtag, malformedRequest, notFound } from "../api/errors";
import { etagPreconditions, type EtagPreconditions } from "../api/etag";
import { parseWith } from "../api/http";
import { resolveUpdateMask } from "../api/update-mask";
import { authorize, authorizeSelfService, type AccessTarget, type OrgAccess, type WorkspaceAccess } from "../auth/authorize";
import type { RequestContext } from "../auth/context";
import { looksLikeId } from "../ids";
import type { Operation, OperationInput } from "./operation";

/** The raw request as an edge received it. */
export interface RawRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  /** The JSON body; undefined when there is none. */
  body: unknown;
  /** The `If-Match` header (REST only). */
  ifMatch?: string | null;
}

function organizationIdOf(params: Record<string, string>): string {
  const id = params.organization_id ?? "";
  if (!looksLikeId(id, "org")) throw notFound("Organization", `organizations/${id}`, { organization_id: id });
  return id;
}

function workspaceIdOf(params: Record<string, string>, organizationId: string): string {
  const id = params.workspace_id ?? "";
  if (!looksLikeId(id, "ws")) throw notFound("Workspace", `organizations/${organizationId}/workspaces/${id}`, { workspace_id: id });
  return id;
}

/**
 * What `authorizeOperation` will read for this operation and path, so that authentication can
 * read it in the same statement; undefined when it reads nothing (or refuses the ids unread).
 */
export function accessTargetOf(op: Operation, params: Record<string, string>): AccessTarget | undefined {
  if (op.scope !== "organization" && op.scope !== "workspace") return undefined;
  const organizationId = params.organization_id ?? "";
  if (!looksLikeId(organizationId, "org")) return undefined;
  if (op.scope === "organization") return { organizationId };
  const workspaceId = params.workspace_id ?? "";
  if (!looksLikeId(workspaceId, "ws")) return undefined;
  return { organizationId, workspace: { workspaceId, includeDeleted: Boolean(op.includeDeleted) } };
}

export interface AuthorizeOptions {
  /** Page loaders that show soft-deleted workspaces too (the Settings tab restores them). */
  includeDeleted?: boolean;
}

/**
 * The access an operation needs, for the caller: its scope's `authorize` with its permission.
 * Page loaders call this too, so a page is shown on exactly the terms its operation is served.
 */
export async function authorizeOperation(
  op: Operation,
  ctx: RequestContext | null,
  params: Record<string, string>,
  options: AuthorizeOptions = {},
): Promise<OrgAccess | WorkspaceAccess | null> {
  if (op.scope === "public") return null;
  if (!ctx) throw new Error(`authorizeOperation(${op.id}): no caller`);
  if (op.scope === "user") return null;
  const organizationId = organizationIdOf(params);
  if (op.scope === "organization") return authorize(ctx, op.permission, { organizationId, includeDeletedOrganization: op.includeDeleted });
  const target = {
    organizationId,
    workspaceId: workspaceIdOf(params, organizationId),
    includeDeleted: op.includeDeleted || options.includeDeleted,
  };
  if (op.selfService?.(ctx, params)) return authorizeSelfService(ctx, target);
  return authorize(ctx, op.permission, target);
}

function preconditionsOf(op: Operation, raw: RawRequest): EtagPreconditions {
  if (!op.etag) return [];
  const bodyEtag = raw.body && typeof raw.body === "object" ? (raw.body as Record<string, unknown>).etag : undefined;
  if (bodyEtag !== undefined && bodyEtag !== null && typeof bodyEtag !== "string") throw invalidEtag("etag", 'must be a string such as W/"3"');
  return etagPreconditions({ body: (bodyEtag as string | null | undefined) ?? null, ifMatch: raw.ifMatch ?? null, query: raw.query.etag ?? null });
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) throw malformedRequest();
  return body as Record<string, unknown>;
}

/** Parses the raw request into the operation's typed input. */
export function parseOperationInput(op: Operation, raw: RawRequest): OperationInput<unknown, unknown> {
  const query = op.query ? parseWith(op.query, raw.query) : {};
  const rawBody = bodyObject(raw.body);
  const body = op.body ? parseWith(op.body, rawBody, op.bodyStyle) : {};
  const paths = op.updateMask ? resolveUpdateMask(raw.query.update_mask, rawBody, op.updateMask) : new Set<string>();
  const maskGiven = Boolean(op.updateMask && raw.query.update_mask?.trim());
  return { params: raw.params, query, body, paths, maskGiven, preconditions: preconditionsOf(op, raw) };
}

// Responses are checked against their schema wherever a wrong shape would be caught by a person
// (tests, development); production serves what the domain built without paying for the parse.
const CHECK_OUTPUT = process.env.NODE_ENV !== "production";

function checkOutput(op: Operation, result: unknown): void {
  if (!CHECK_OUTPUT || !op.response) return;
  const parsed = op.response.safeParse(result);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${op.id} built a response its schema refuses: ${where}`);
  }
}

/** Runs one operation for a caller (null only for public operations). */
export async function executeOperation(op: Operation, ctx: RequestContext | null, raw: RawRequest): Promise<unknown> {
  const access = await authorizeOperation(op, ctx, raw.params);
  const input = parseOperationInput(op, raw);
  let result: unknown;
  switch (op.scope) {
    case "public":
      result = await op.run(input);
      break;
    case "user":
      result = await op.run(ctx!, null, input);
      break;
    case "organization":
      result = await op.run(ctx!, access as OrgAccess, input);
      break;
    case "workspace":
      result = await op.run(ctx!, access as WorkspaceAccess, input);
      break;
  }
  checkOutput(op, result);
  return result;
}
