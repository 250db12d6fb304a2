import "server-only";
import { db } from "../../db";
import { fieldImmutable, invalidArgument } from "../../api/errors";
import type { EtagPreconditions } from "../../api/etag";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { Prisma } from "../../generated/prisma/client";
import {
  DEFAULT_DATA_POLICY,
  type DataPolicy,
  type WorkspaceOutput,
  type WorkspaceUpdatablePath,
  type WorkspaceUpdateInput,
} from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { changeWorkspaceRow, isUniqueViolation, requireWritable, titleTaken } from "./workspace-changes";
import { toWorkspaceOutput, workspaceName, type WorkspaceRow } from "./workspace-output";

export interface UpdateWorkspaceRequest {
  /** The parsed body (a partial v1Workspace). */
  input: WorkspaceUpdateInput;
  /** AIP-134: the paths to change, resolved from the update mask (or the populated body fields). */
  paths: ReadonlySet<string>;
  /** An explicit mask was sent: an echoed data_policy outside it is ignored, not compared. */
  maskGiven: boolean;
  /** AIP-154 preconditions (body etag, If-Match). */
  preconditions: EtagPreconditions;
}

// How each updatable path is stored, and what a masked path absent from the body resets to.
const COLUMNS: Record<WorkspaceUpdatablePath, { read: (row: WorkspaceRow) => string; column: "title" | "description" | "icon" | "iconColor" | "domain"; empty: string | null }> = {
  title: { read: (r) => r.title, column: "title", empty: null },
  description: { read: (r) => r.description, column: "description", empty: "" },
  workspace_icon: { read: (r) => r.icon, column: "icon", empty: "" },
  workspace_icon_color: { read: (r) => r.iconColor, column: "iconColor", empty: "" },
  "configuration.domain": { read: (r) => r.domain, column: "domain", empty: "" },
};

function requested(input: WorkspaceUpdateInput, path: WorkspaceUpdatablePath): string | undefined {
  return path === "configuration.domain" ? input.configuration?.domain : input[path];
}

/** Sets `a.b` style paths in a nested object, for audit records in wire shape. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

function sameDataPolicy(a: DataPolicy, b: DataPolicy): boolean {
  const norm = (p: DataPolicy) =>
    JSON.stringify({ group: p.group, regions: p.regions.map((r) => ({ region: r.region, priority: r.priority })), pii_strategy: p.pii_strategy });
  return norm(a) === norm(b);
}

const immutableDataPolicy = () => fieldImmutable("data_policy");

/** PATCH …/workspaces/{ws} (AIP-134 masks, AIP-154 etags). */
export async function updateWorkspace(ctx: RequestContext, access: WorkspaceAccess, request: UpdateWorkspaceRequest): Promise<WorkspaceOutput> {
  const { input } = request;
  // Without a mask an echoed data_policy is fine as long as it is unchanged (AIP-203 IMMUTABLE).
  const echoedPolicy = request.maskGiven ? undefined : input.data_policy;
  const paths = [...request.paths] as WorkspaceUpdatablePath[];
  const values = new Map<WorkspaceUpdatablePath, string>();
  for (const path of paths) {
    const value = requested(input, path) ?? COLUMNS[path].empty;
    if (value === null) throw invalidArgument(path, `${path} is in the update mask but missing from the body`);
    values.set(path, value);
  }
  const preconditions = request.preconditions;
  const ref = { organizationId: access.organizationId, workspaceId: access.workspaceId };

  const prisma = await db();
  try {
    const result = await prisma.$transaction(async (tx) => {
      let before: Record<string, unknown> = {};
      let after: Record<string, unknown> = {};
      const change = await changeWorkspaceRow(tx, ref, {
        preconditions,
        plan: (row) => {
          requireWritable(ref, row);
          if (echoedPolicy && !sameDataPolicy(echoedPolicy, (row.dataPolicy as DataPolicy | null) ?? DEFAULT_DATA_POLICY)) {
            throw immutableDataPolicy();
          }
          const data: Prisma.WorkspaceUpdateManyMutationInput = {};
          before = {};
          after = {};
          for (const [path, value] of values) {
            const current = COLUMNS[path].read(row);
            if (current === value) continue;
            data[COLUMNS[path].column] = value;
            if (path === "title") data.activeTitleKey = value.toLowerCase();
            setPath(before, path, current);
            setPath(after, path, value);
          }
          return Object.keys(data).length ? data : null;
        },
      });
      if (change.changed) {
        await writeAuditEntry(tx, ctx, {
          organizationId: ref.organizationId,
          workspaceId: ref.workspaceId,
          action: "workspace.update",
          resource: workspaceName(ref.organizationId, ref.workspaceId),
          changes: { before, after },
        });
      }
      return change.after;
    });
    return toWorkspaceOutput(result);
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(values.get("title") ?? "");
    throw error;
  }
}
