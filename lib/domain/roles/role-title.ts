import { ApiError } from "../../api/errors";
import { BUILT_IN_ROLES } from "../../auth/permissions";
import { roleTitleKey } from "../members/role-resolver";

export function roleTitleTaken(title: string): ApiError {
  return new ApiError("ALREADY_EXISTS", `A role titled "${title}" already exists in this workspace.`, {
    reason: "ROLE_TITLE_TAKEN",
    metadata: { title },
    fieldViolations: [{ field: "title", description: "already used by another role of the workspace" }],
  });
}

/**
 * Titles name roles in filters (`role = "Workspace Viewer"`), so a custom role may not take a
 * built-in role's title or id.
 */
export function assertNotBuiltInTitle(title: string): void {
  const key = roleTitleKey(title);
  if (BUILT_IN_ROLES.some((r) => r.title.toLowerCase() === key || r.id === key)) throw roleTitleTaken(title);
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}
