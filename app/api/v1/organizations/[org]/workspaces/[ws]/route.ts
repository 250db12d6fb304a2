import { serve } from "@/lib/operations/serve";
import {
  CloneWorkspace,
  DeleteWorkspace,
  DisableWorkspace,
  EnableWorkspace,
  GetWorkspace,
  TerminateWorkspace,
  UndeleteWorkspace,
  UpdateWorkspace,
} from "@/lib/operations/workspaces";

// GET    …/workspaces/{ws} — Kognitos GetWorkspace
// PATCH  …/workspaces/{ws} — UpdateWorkspace
// DELETE …/workspaces/{ws} — DeleteWorkspace (soft, AIP-164)
// POST   …/workspaces/{ws}:undelete, :disable, :enable, :terminate, :clone — AIP-136 custom methods
export const { GET, POST, PUT, PATCH, DELETE } = serve(
  GetWorkspace,
  UpdateWorkspace,
  DeleteWorkspace,
  UndeleteWorkspace,
  DisableWorkspace,
  EnableWorkspace,
  TerminateWorkspace,
  CloneWorkspace,
);
