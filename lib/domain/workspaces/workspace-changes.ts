// The one way an existing workspace row changes: read it, let the operation check its rules and
// plan the write, then write only if the row still has the version that was read
// (`updateMany where {id, organizationId, version}` and a look at the count). Every write bumps
// `version`, so a concurrent change of any kind makes the write miss; the operation then reads
// again and re-checks, and a stale etag ends as ABORTED. No lock is held between check and write.

import "server-only";
import { ApiError, concurrentModification, etagMismatch, notFound, workspaceNotWritable } from "../../api/errors";
import { etagsMatch, versionEtag, type EtagPreconditions } from "../../api/etag";
import type { Prisma } from "../../generated/prisma/client";
import type { WorkspaceState } from "../../generated/prisma/enums";
import type { Tx } from "../../prisma-client";
import { workspaceName, workspaceSelect, type WorkspaceRow } from "./workspace-output";

export interface WorkspaceRef {
  organizationId: string;
  workspaceId: string;
}

export function titleTaken(title: string, field = "title"): ApiError {
  return new ApiError("ALREADY_EXISTS", `A workspace titled "${title}" already exists in this organization.`, {
    reason: "WORKSPACE_TITLE_TAKEN",
    metadata: { title },
    fieldViolations: [{ field, description: "already used by another workspace of the organization" }],
  });
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  // Prisma's P2002, its driver adapter's original code, or pg's own (a raw transaction's statement).
  return e?.code === "P2002" || e?.code === "23505" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}

export function workspaceNotFound(ref: WorkspaceRef): ApiError {
  return notFound("Workspace", workspaceName(ref.organizationId, ref.workspaceId), { workspace_id: ref.workspaceId });
}

/** The same refusals authorize() gives, for a state that changed after authorization. */
export function notWritable(ref: WorkspaceRef, state: WorkspaceState): ApiError {
  return workspaceNotWritable(ref.organizationId, ref.workspaceId, state === "TERMINATED" ? "TERMINATED" : "DISABLED");
}

function workspaceEtagMismatch(ref: WorkspaceRef, current: number): ApiError {
  return etagMismatch(`Workspace ${workspaceName(ref.organizationId, ref.workspaceId)}`, versionEtag(current), { workspace_id: ref.workspaceId });
}

/** The row of a live (not soft-deleted) workspace, or NOT_FOUND. */
export function requireLive(ref: WorkspaceRef, row: WorkspaceRow): void {
  if (row.deleteTime) throw workspaceNotFound(ref);
}

/** A live workspace that accepts changes (ACTIVE), or the error saying why not. */
export function requireWritable(ref: WorkspaceRef, row: WorkspaceRow): void {
  requireLive(ref, row);
  if (row.state !== "ACTIVE") throw notWritable(ref, row.state);
}

export interface ConditionalChange {
  /** AIP-154 preconditions from the request; a stale one is ABORTED. */
  preconditions?: EtagPreconditions;
  /**
   * Checks the operation's rules against the current row (throwing ApiErrors) and returns the
   * columns to write, or null when the request changes nothing.
   */
  plan: (row: WorkspaceRow) => Prisma.WorkspaceUpdateManyMutationInput | null;
}

export interface ChangeResult {
  before: WorkspaceRow;
  after: WorkspaceRow;
  changed: boolean;
}

const ATTEMPTS = 3;

/** Applies one planned change to a workspace inside `tx` (see the file comment). */
export async function changeWorkspaceRow(tx: Tx, ref: WorkspaceRef, change: ConditionalChange): Promise<ChangeResult> {
  const where = { id: ref.workspaceId, organizationId: ref.organizationId };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const before = await tx.workspace.findFirst({ where, select: workspaceSelect });
    if (!before) throw workspaceNotFound(ref);
    // The caller's etag first (AIP-154): a request made against a version that is gone is ABORTED,
    // whatever the current version would make of it (a lost race answers as a lost race).
    if (change.preconditions?.length && !etagsMatch(change.preconditions, before.version)) {
      throw workspaceEtagMismatch(ref, before.version);
    }
    const data = change.plan(before);
    if (data === null) return { before, after: before, changed: false };
    const { count } = await tx.workspace.updateMany({
      where: { ...where, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 1) {
      const after = await tx.workspace.findUniqueOrThrow({ where: { id: ref.workspaceId }, select: workspaceSelect });
      return { before, after, changed: true };
    }
  }
  throw concurrentModification(`Workspace ${workspaceName(ref.organizationId, ref.workspaceId)}`);
}
