import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import { authorizeOperation } from "@/lib/operations/execute";
import { gate } from "@/lib/operations/gates";
import { GetWorkspacePreferences, UpdateWorkspacePreferences } from "@/lib/operations/preferences";
import { ErrorState } from "@/components/states";
import { getWorkspacePreferences } from "@/lib/domain/preferences/get-workspace-preferences";
import { getOrganizationPreferences } from "@/lib/domain/preferences/get-organization-preferences";
import { requireConsoleWorkspace } from "../_lib/console-workspace";
import { readOnlyReason } from "../_lib/tab-access";
import { PreferencesForm } from "../../../_components/preferences-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace · Preferences" };

export default async function WorkspacePreferencesPage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { ctx, access: wsAccess, workspace } = await requireConsoleWorkspace(org, ws);
  let access;
  try {
    access = (await authorizeOperation(GetWorkspacePreferences, ctx, { organization_id: org, workspace_id: ws }, { includeDeleted: true })) as WorkspaceAccess;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "PERMISSION_DENIED") throw error;
    return <ErrorState title="You cannot view these preferences" message={gate(wsAccess, GetWorkspacePreferences).reason} requestId={ctx.requestId} />;
  }
  if (workspace.state === "DELETED") {
    return <ErrorState title="This workspace is deleted" message={readOnlyReason("DELETED")} requestId={ctx.requestId} />;
  }
  const [prefs, orgPrefs] = await Promise.all([getWorkspacePreferences(access), getOrganizationPreferences(wsAccess)]);
  const update = gate(access, UpdateWorkspacePreferences);
  const canUpdate = update.can;
  const note = readOnlyReason(workspace.state) || (canUpdate ? "" : `You can view these preferences. ${update.reason}`);
  return (
    <PreferencesForm
      key={prefs.etag}
      target={{ org, ws }}
      general={prefs.general}
      inherited={orgPrefs.effective_general}
      etag={prefs.etag}
      canUpdate={canUpdate}
      readOnlyNote={note}
      support={{ active: prefs.support_team_access, expireTime: prefs.support_access_expire_time }}
    />
  );
}
