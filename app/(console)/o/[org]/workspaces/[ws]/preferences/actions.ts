"use server";

import { parseWith } from "@/lib/api/http";
import { workspaceAction, type ActionResult } from "@/lib/auth/action";
import { updateWorkspacePreferences } from "@/lib/domain/preferences/update-workspace-preferences";
import { WorkspacePreferencesUpdateInput, type WorkspacePreferencesOutput } from "@/lib/schemas/preferences";

/** The console's UpdateWorkspacePreferences: the same permission, validation and domain call as PATCH …/preferences. */
export async function updateWorkspacePreferencesAction(org: string, ws: string, input: unknown, updateMask: string): Promise<ActionResult<WorkspacePreferencesOutput>> {
  return workspaceAction("update:Preferences", { organizationId: org, workspaceId: ws }, (ctx, access) =>
    updateWorkspacePreferences(ctx, access, { input: parseWith(WorkspacePreferencesUpdateInput, input), updateMask }),
  );
}
