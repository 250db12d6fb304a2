// What an operation is: one definition per API operation — id, HTTP method and path template,
// scope and permission, zod schemas for query, body and response, the error codes it can answer
// and the domain call. The REST route (serve), the console action (perform) and the OpenAPI
// document are all derived from it, so none of them decides anything of its own.

import type { ZodType } from "zod";
import type { EtagPreconditions } from "../api/etag";
import type { RpcCodeName } from "../api/errors";
import type { FieldPathStyle } from "../api/http";
import type { MaskSpec } from "../api/update-mask";
import type { OrgAccess, WorkspaceAccess } from "../auth/authorize";
import type { RequestContext } from "../auth/context";
import type { Permission, WorkspacePermission } from "../auth/permissions";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** Where an operation sits: who may call it is decided by `authorize` for that scope. */
export type OperationScope = "public" | "user" | "organization" | "workspace";

/** What the edge hands to `run`: everything parsed, nothing HTTP-shaped. */
export interface OperationInput<Q, B> {
  /** Path parameters by their template names (`organization_id`, `workspace_id`, …), decoded. */
  params: Record<string, string>;
  query: Q;
  body: B;
  /** AIP-134: the updatable paths this request changes (operations with `updateMask`). */
  paths: Set<string>;
  /** An explicit `update_mask` was sent (fields outside it are ignored, not checked). */
  maskGiven: boolean;
  /** AIP-154: the etag preconditions stated by body `etag`, `If-Match` and `?etag=` (operations with `etag`). */
  preconditions: EtagPreconditions;
}

interface Common<Q, B, R> {
  /** The Kognitos operationId where seed 003 has one, else the AIP-style name. */
  id: string;
  method: HttpMethod;
  /** Under /api/v1, with `{param}` segments and an optional AIP-136 `:verb` (`/organizations/{organization_id}:transferOwnership`). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** How field violations of the body name array elements (`requests[3].title`). */
  bodyStyle?: FieldPathStyle;
  /** PATCH: the update mask's updatable, output-only and immutable paths. */
  updateMask?: MaskSpec;
  /** Takes AIP-154 etag preconditions. */
  etag?: boolean;
  /** Null: 204 No Content (or, with `stream`, the streamed body). */
  response: ZodType<R> | null;
  /** The operation answers a file streamed as it is produced: `run` returns its ReadableStream. */
  stream?: { contentType: string; filename: string };
  /** Success status; default 200 (204 when `response` is null). */
  status?: 200 | 201;
  /** The `Location` of a created resource (path under /api/v1). */
  location?: (result: R, params: Record<string, string>) => string;
  /** Also send the result's `etag` as the HTTP ETag header. */
  etagHeader?: boolean;
  /** The error codes this operation answers besides UNAUTHENTICATED and INTERNAL. */
  errors: RpcCodeName[];
  /** An example request body for the document (responses are generated from the schema). */
  example?: unknown;
}

export interface PublicOperation<Q = unknown, B = unknown, R = unknown> extends Common<Q, B, R> {
  scope: "public";
  permission: "none";
  run: (input: OperationInput<Q, B>) => Promise<R>;
}

export interface UserOperation<Q = unknown, B = unknown, R = unknown> extends Common<Q, B, R> {
  scope: "user";
  /** Any signed-in caller; the domain scopes what it reads to that caller. */
  permission: "authenticated";
  run: (ctx: RequestContext, access: null, input: OperationInput<Q, B>) => Promise<R>;
}

export interface OrganizationOperation<Q = unknown, B = unknown, R = unknown> extends Common<Q, B, R> {
  scope: "organization";
  permission: Permission;
  /** A soft-deleted organization is reachable (its undelete). */
  includeDeleted?: boolean;
  run: (ctx: RequestContext, access: OrgAccess, input: OperationInput<Q, B>) => Promise<R>;
}

export interface WorkspaceOperation<Q = unknown, B = unknown, R = unknown> extends Common<Q, B, R> {
  scope: "workspace";
  permission: WorkspacePermission;
  /** Soft-deleted workspaces are reachable (undelete). */
  includeDeleted?: boolean;
  /** A change the caller makes to their own membership (leaving): no catalog permission needed. */
  selfService?: (ctx: RequestContext, params: Record<string, string>) => boolean;
  run: (ctx: RequestContext, access: WorkspaceAccess, input: OperationInput<Q, B>) => Promise<R>;
}

// The registry holds operations of every input type, and `run` takes its input contravariantly:
// `unknown` would refuse them, so the defaults are `any`.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Operation<Q = any, B = any, R = any> =
  | PublicOperation<Q, B, R>
  | UserOperation<Q, B, R>
  | OrganizationOperation<Q, B, R>
  | WorkspaceOperation<Q, B, R>;

/** The result type of an operation. */
export type ResultOf<O> = O extends { run: (...args: any[]) => Promise<infer R> } ? R : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

const PATH = /^(\/[A-Za-z0-9_.-]+|\/\{[a-z_]+\})+(:[A-Za-z]+)?$/;

/** Defines an operation (a typed identity with the checks a definition must pass). */
/**
 * The common part of an organization-level list any member of the organization may read: paged
 * with AIP-158 `page_size`/`page_token`, AIP-160 `filter` and AIP-132 `order_by`.
 */
export const memberReadableList: Pick<OrganizationOperation, "scope" | "permission" | "errors"> = {
  scope: "organization",
  permission: "read:Organization",
  errors: ["INVALID_ARGUMENT", "NOT_FOUND"],
};

export function operation<Q = Record<string, never>, B = Record<string, never>, R = unknown>(def: PublicOperation<Q, B, R>): PublicOperation<Q, B, R>;
export function operation<Q = Record<string, never>, B = Record<string, never>, R = unknown>(def: UserOperation<Q, B, R>): UserOperation<Q, B, R>;
export function operation<Q = Record<string, never>, B = Record<string, never>, R = unknown>(def: OrganizationOperation<Q, B, R>): OrganizationOperation<Q, B, R>;
export function operation<Q = Record<string, never>, B = Record<string, never>, R = unknown>(def: WorkspaceOperation<Q, B, R>): WorkspaceOperation<Q, B, R>;
export function operation(def: Operation): Operation {
  if (!PATH.test(def.path)) throw new Error(`operation ${def.id}: bad path template ${def.path}`);
  const names = pathParamNames(def.path);
  if (def.scope === "organization" || def.scope === "workspace") {
    if (!names.includes("organization_id")) throw new Error(`operation ${def.id}: an ${def.scope} operation needs {organization_id}`);
  }
  if (def.scope === "workspace" && !names.includes("workspace_id")) throw new Error(`operation ${def.id}: a workspace operation needs {workspace_id}`);
  if (def.updateMask && def.method !== "PATCH") throw new Error(`operation ${def.id}: update masks are for PATCH`);
  return def;
}

/** `{name}` segments of a path template, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);
}
