import { ApiError } from "@/lib/api/errors";
import { parseWith, requestIdOf, toErrorResponse } from "@/lib/api/http";
import { authorize } from "@/lib/auth/authorize";
import { byVerb, methodNotAllowed, withOrg } from "@/lib/auth/route";
import { batchCreateWorkspaces } from "@/lib/domain/workspaces/batch-create-workspaces";
import { countWorkspaceUsers } from "@/lib/domain/workspaces/count-workspace-users";
import { BatchCreateWorkspacesInput, CountWorkspaceUsersInput } from "@/lib/schemas/workspaces";

// Collection-level AIP-136 custom methods, `/organizations/{org}/workspaces:<verb>`. The segment
// `workspaces:batchCreate` does not match the static `workspaces` folder, so it lands here; every
// other segment that no static folder claims is an unknown path.

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const COLLECTION = "workspaces";
const VERBS = ["batchCreate", "countUsers"];

const dispatch = byVerb("collection", {
  // POST …/workspaces:batchCreate — bulk provisioning, all or nothing
  batchCreate: withOrg("create:Workspace", async ({ ctx, access, body }) => {
    const input = parseWith(BatchCreateWorkspacesInput, await body(), { brackets: true });
    const template = input.template_workspace_id
      ? await authorize(ctx, "clone:Workspace", { organizationId: access.organizationId, workspaceId: input.template_workspace_id })
      : undefined;
    return batchCreateWorkspaces(ctx, access, input, template);
  }),
  // POST …/workspaces:countUsers — Kognitos CountWorkspaceUsers
  countUsers: withOrg("read:Organization", async ({ ctx, access, body }) =>
    countWorkspaceUsers(ctx, access, parseWith(CountWorkspaceUsersInput, await body(), { brackets: true })),
  ),
});

async function segmentOf(context: RouteContext | undefined): Promise<{ collection: string; verb: string }> {
  const raw = context ? (await context.params).collection : undefined;
  const value = typeof raw === "string" ? decodeURIComponent(raw) : "";
  const colon = value.indexOf(":");
  return colon < 0 ? { collection: value, verb: "" } : { collection: value.slice(0, colon), verb: value.slice(colon + 1) };
}

function unknownPath(req: Request): Response {
  const path = new URL(req.url).pathname;
  return toErrorResponse(
    new ApiError("NOT_FOUND", `No operation at ${req.method} ${path}.`, { reason: "UNKNOWN_PATH", metadata: { path } }),
    requestIdOf(req),
  );
}

export async function POST(req: Request, context?: RouteContext): Promise<Response> {
  const { collection, verb } = await segmentOf(context);
  if (collection !== COLLECTION || !VERBS.includes(verb)) return unknownPath(req);
  return dispatch(req, context);
}

async function otherMethod(req: Request, context?: RouteContext): Promise<Response> {
  const { collection, verb } = await segmentOf(context);
  if (collection !== COLLECTION || !VERBS.includes(verb)) return unknownPath(req);
  return toErrorResponse(methodNotAllowed(["POST"]), requestIdOf(req));
}

export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
