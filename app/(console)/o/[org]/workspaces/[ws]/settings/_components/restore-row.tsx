"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Spinner } from "@/components/button";
import { ReasonButton } from "@/components/reason-button";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { undeleteWorkspaceAction } from "../../../actions";
import { ZoneRow } from "./zone-row";
import { useRefreshAfterChange } from "./use-refresh-after-change";

/** A deleted workspace's one action: restore it. `reason` says why the caller cannot. */
export function RestoreRow({ org, workspace, reason }: { org: string; workspace: WorkspaceOutput; reason: string }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const refresh = useRefreshAfterChange(org);
  const restore = useMutation({
    mutationFn: () => undeleteWorkspaceAction(org, workspace.workspace_id),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
      toast({ title: "Workspace restored", description: `“${result.data.title}” is back.` });
      await refresh();
    },
    onError: () => setFailure(UNREACHABLE),
  });
  return (
    <>
      {failure ? (
        <div className="px-5 pt-4">
          <ActionErrorAlert failure={failure} />
        </div>
      ) : null}
      <ZoneRow
        title="Restore workspace"
        action={
          <ReasonButton reason={reason} disabled={restore.isPending} onClick={() => restore.mutate()}>
            {restore.isPending ? <Spinner /> : null}
            Restore workspace
          </ReasonButton>
        }
      >
        Brings the workspace back in the state it had before it was deleted, with its members, roles and settings.
      </ZoneRow>
    </>
  );
}
