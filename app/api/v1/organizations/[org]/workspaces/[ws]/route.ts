import { etagPreconditions } from "@/lib/api/etag";
import { parseWith } from "@/lib/api/http";
import { authorize } from "@/lib/auth/authorize";
import { byVerb, created, noContent, withWorkspace } from "@/lib/auth/route";
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
} from "@/lib/schemas/workspaces";

const ALLOW = ["GET", "PATCH", "DELETE"];

// GET /api/v1/organizations/{org}/workspaces/{ws} — Kognitos GetWorkspace
export const GET = byVerb("ws", { "": withWorkspace("read:Workspace", async ({ access }) => getWorkspace(access)) }, ALLOW);

// PATCH /api/v1/organizations/{org}/workspaces/{ws} — UpdateWorkspace (update_mask, etag / If-Match)
export const PATCH = byVerb(
  "ws",
  {
    "": withWorkspace("update:Workspace", async ({ ctx, access, req, query, body }) =>
      updateWorkspace(ctx, access, {
        input: parseWith(WorkspaceUpdateInput, await body()),
        updateMask: query.get("update_mask"),
        ifMatch: req.headers.get("if-match"),
      }),
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
        return undeleteWorkspace(ctx, access, {
          preconditions: etagPreconditions({ body: input.etag, ifMatch: req.headers.get("if-match") }),
        });
      },
      { includeDeleted: true },
    ),
    disable: withWorkspace("manage:WorkspaceState", async ({ ctx, access, body }) =>
      disableWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, await body())),
    ),
    enable: withWorkspace("manage:WorkspaceState", async ({ ctx, access, body }) =>
      enableWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, await body())),
    ),
    terminate: withWorkspace("manage:WorkspaceState", async ({ ctx, access, body }) =>
      terminateWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, await body())),
    ),
    // CloneWorkspace: clone:Workspace on the source and create:Workspace on the organization.
    clone: withWorkspace("clone:Workspace", async ({ ctx, access, body }) => {
      const input = parseWith(WorkspaceCloneInput, await body());
      const org = await authorize(ctx, "create:Workspace", { organizationId: access.organizationId });
      const ws = await cloneWorkspace(ctx, access, org, input);
      return created(ws, `/api/v1/${ws.name}`);
    }),
  },
  ALLOW,
);
