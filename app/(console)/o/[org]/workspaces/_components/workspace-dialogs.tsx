"use client";

// The workspace list's dialogs with React Query, which they run their actions through: loaded as
// one module when the first dialog opens. Each dialog's own code (its form, schemas, the CSV
// parsing) still loads when that dialog first opens.

import { lazy } from "react";
import QueryIsland from "@/components/query-island";
import { useOpenedOnce } from "@/lib/console/use-opened-once";

const NewWorkspaceDialog = lazy(() => import("./new-workspace-dialog").then((m) => ({ default: m.NewWorkspaceDialog })));
const BulkProvisionDialog = lazy(() => import("./bulk-provision-dialog").then((m) => ({ default: m.BulkProvisionDialog })));

export interface WorkspaceDialogsProps {
  org: string;
  newOpen: boolean;
  setNewOpen: (open: boolean) => void;
  bulkOpen: boolean;
  setBulkOpen: (open: boolean) => void;
  /** A dialog changed something: render the list again. */
  onMutated: () => void;
}

export default function WorkspaceDialogs({ org, newOpen, setNewOpen, bulkOpen, setBulkOpen, onMutated }: WorkspaceDialogsProps) {
  // Mounted from its first opening on, then kept: closing it keeps what was pasted, as before.
  const bulkMounted = useOpenedOnce(bulkOpen);
  return (
    <QueryIsland onMutated={onMutated}>
      {newOpen ? <NewWorkspaceDialog org={org} open onOpenChange={setNewOpen} /> : null}
      {bulkMounted ? <BulkProvisionDialog org={org} open={bulkOpen} onOpenChange={setBulkOpen} /> : null}
    </QueryIsland>
  );
}
