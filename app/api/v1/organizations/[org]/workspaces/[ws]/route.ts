import { etagPreconditions } from "@/lib/api/etag";
import { jsonResponse, parseWith } from "@/lib/api/http";
import { authorize } from "@/lib/auth/authorize";
import { byVerb, noContent, withWorkspace } from "@/lib/auth/route";
import { cloneWorkspace } from "@/lib/domain/workspaces/clone-workspace";
import { deleteWorkspace } from "@/lib/domain/workspaces/delete-workspace";
import { disableWorkspace } from "@/lib/domain/workspaces/disable-workspace";
import { enableWorkspace } from "@/lib/domain/workspaces/enable-workspace";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { terminateWorkspace } from "@/lib/domain/workspaces/terminate-workspace";
import { undeleteWorkspace } from "@/lib/domain/workspaces/undelete-workspace";
import { updateWorkspace } from "@/lib/domain/workspaces/update-workspace";
import {
  WorkspaceCloneInput,
  WorkspaceDeleteInput,
  WorkspaceStateChangeInput,
  WorkspaceUpdateInput,
  type WorkspaceOutput,
} from "@/lib/schemas/workspaces";

const ALLOW = ["GET", "PATCH", "DELETE"];

/** The workspace with its etag also as an HTTP ETag header, for clients that use If-Match. */
const withEtag = (ws: WorkspaceOutput, status = 200, headers: Record<string, string> = {}) =>
  jsonResponse(ws, status, { etag: ws.etag, ...headers });

// GET /api/v1/organizations/{org}/workspaces/{ws} — Kognitos GetWorkspace
export const GET = byVerb("ws", { "": withWorkspace("read:Workspace", async ({ access }) => withEtag(await getWorkspace(access))) }, ALLOW);

// PATCH /api/v1/organizations/{org}/workspaces/{ws} — UpdateWorkspace (update_mask, etag / If-Match)
export const PATCH = byVerb(
  "ws",
  {
    "": withWorkspace("update:Workspace", async ({ ctx, access, req, query, body }) =>
      withEtag(
        await updateWorkspace(ctx, access, {
          input: parseWith(WorkspaceUpdateInput, await body()),
          updateMask: query.get("update_mask"),
          ifMatch: req.headers.get("if-match"),
        }),
      ),
    ),
  },
  ALLOW,
);

// DELETE /api/v1/organizations/{org}/workspaces/{ws} — DeleteWorkspace (soft, AIP-164)
export const DELETE = byVerb(
  "ws",
  {
    "": withWorkspace("delete:Workspace", async ({ ctx, access, req, query, body }) => {
      const input = parseWith(WorkspaceDeleteInput, await body());
      await deleteWorkspace(ctx, access, {
        preconditions: etagPreconditions({ body: input.etag, ifMatch: req.headers.get("if-match"), query: query.get("etag") }),
      });
      return noContent();
    }),
  },
  ALLOW,
);

// POST …/workspaces/{ws}:undelete, :disable, :enable, :terminate, :clone — AIP-136 custom methods
export const POST = byVerb(
  "ws",
  {
    // UndeleteWorkspace: the one operation that reaches a soft-deleted workspace.
    undelete: withWorkspace(
      "delete:Workspace",
      async ({ ctx, access, req, body }) => {
        const input = parseWith(WorkspaceDeleteInput, await body());
        return withEtag(
          await undeleteWorkspace(ctx, access, {
            preconditions: etagPreconditions({ body: input.etag, ifMatch: req.headers.get("if-match") }),
          }),
        );
      },
      { includeDeleted: true },
    ),
    disable: withWorkspace("manage:WorkspaceState", async ({ ctx, access, body }) =>
      withEtag(await disableWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, await body()))),
    ),
    enable: withWorkspace("manage:WorkspaceState", async ({ ctx, access, body }) =>
      withEtag(await enableWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, await body()))),
    ),
    terminate: withWorkspace("manage:WorkspaceState", async ({ ctx, access, body }) =>
      withEtag(await terminateWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, await body()))),
    ),
    // CloneWorkspace: clone:Workspace on the source and create:Workspace on the organization.
    clone: withWorkspace("clone:Workspace", async ({ ctx, access, body }) => {
      const input = parseWith(WorkspaceCloneInput, await body());
      const org = await authorize(ctx, "create:Workspace", { organizationId: access.organizationId });
      const ws = await cloneWorkspace(ctx, access, org, input);
      return withEtag(ws, 201, { location: `/api/v1/${ws.name}` });
    }),
  },
  ALLOW,
);
