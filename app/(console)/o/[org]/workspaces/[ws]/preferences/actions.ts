"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { UpdateWorkspacePreferences } from "@/lib/operations/preferences";
import type { WorkspacePreferencesOutput } from "@/lib/schemas/preferences";

/** UpdateWorkspacePreferences from the Preferences tab; `input` carries the etag the form was loaded with. */
export async function updateWorkspacePreferencesAction(org: string, ws: string, input: unknown, updateMask: string): Promise<ActionOutcome<WorkspacePreferencesOutput>> {
  return perform(UpdateWorkspacePreferences, { organization_id: org, workspace_id: ws }, { body: input, query: { update_mask: updateMask } });
}
