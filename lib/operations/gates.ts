// What the console may offer a caller, read from the operations themselves: a page asks "may this
// caller perform CreateMember here?" and the answer comes from the operation's own permission,
// so no page names a permission and a page can never offer what the API would refuse for want of
// one. The workspace's read-only state is not a gate's business (the pages say that in their own
// words); the server still authorizes every request.

import "server-only";
import type { OrgAccess } from "../auth/authorize";
import type { Permission } from "../auth/permissions";
import { permissionReason } from "../console/permission-reasons";
import type { Operation } from "./operation";

type Gated = Extract<Operation, { scope: "organization" | "workspace" }>;

/** Whether the caller holds what an action needs, and if not, why in words ("" when allowed). */
export interface Gate {
  can: boolean;
  reason: string;
  /** The permission the caller lacks, for the technical note beside the reason ("" when allowed). */
  needs: string;
}

/**
 * The gate for one action: every listed operation must be allowed (cloning is CloneWorkspace on
 * the source and CreateWorkspace on the organization).
 */
export function gate(access: Pick<OrgAccess, "permissions">, ...ops: readonly Gated[]): Gate {
  const missing = ops.find((op) => !access.permissions.has(op.permission as Permission));
  return missing ? { can: false, reason: permissionReason(missing.permission), needs: missing.permission } : { can: true, reason: "", needs: "" };
}

/** Gates for several actions at once, by the names the page gives them. */
export function gates<K extends string>(access: Pick<OrgAccess, "permissions">, table: Record<K, Gated | readonly Gated[]>): Record<K, Gate> {
  const out = {} as Record<K, Gate>;
  for (const key of Object.keys(table) as K[]) {
    const ops = table[key];
    out[key] = Array.isArray(ops) ? gate(access, ...(ops as readonly Gated[])) : gate(access, ops as Gated);
  }
  return out;
}
