import "server-only";
import { db } from "../../db";
import { invalidArgument, notFound } from "../../api/errors";
import { etagsMatch, type EtagPreconditions } from "../../api/etag";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { Tx } from "../../prisma-client";
import {
  MAX_SUPPORT_ACCESS_DAYS,
  type WorkspacePreferencesOutput,
  type WorkspacePreferencesUpdateInput,
} from "../../schemas/preferences";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { diffGeneral, plannedGeneral } from "./general-changes";
import { supportAccessActive } from "./inheritance";
import { concurrentPreferencesChange, preferencesEtagMismatch } from "./preference-errors";
import { generalSelect, toWorkspacePreferencesOutput, workspacePreferencesName, workspacePreferencesSelect, type WorkspacePreferencesRow } from "./preferences-output";
import { recordSupportAccessEnd } from "./support-access";

export interface UpdateWorkspacePreferencesRequest {
  input: WorkspacePreferencesUpdateInput;
  /** AIP-134: the paths to change, resolved from the update mask (or the populated body fields). */
  paths: ReadonlySet<string>;
  /** AIP-154 preconditions (body etag, If-Match). */
  preconditions: EtagPreconditions;
  /** The clock, for the support-access bounds (tests pass one). */
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function planSupportAccess(paths: ReadonlySet<string>, input: WorkspacePreferencesUpdateInput, current: { granted: boolean; expire: Date | null }, now: Date) {
  const touchesGrant = paths.has("support_team_access");
  const touchesExpiry = paths.has("support_access_expire_time");
  if (!touchesGrant && !touchesExpiry) return null;
  const granted = touchesGrant ? input.support_team_access ?? false : current.granted;
  let expire = touchesExpiry ? (input.support_access_expire_time ? new Date(input.support_access_expire_time) : null) : current.expire;
  if (!granted) {
    if (touchesExpiry && expire) {
      throw invalidArgument("support_access_expire_time", "can only be set while support_team_access is true");
    }
    expire = null;
  } else if (touchesExpiry && expire) {
    if (expire.getTime() <= now.getTime()) throw invalidArgument("support_access_expire_time", "must be in the future");
    if (expire.getTime() > now.getTime() + MAX_SUPPORT_ACCESS_DAYS * DAY_MS) {
      throw invalidArgument("support_access_expire_time", `must be at most ${MAX_SUPPORT_ACCESS_DAYS} days ahead`);
    }
  }
  return { granted, expire };
}

async function loadRow(tx: Tx, workspaceId: string): Promise<WorkspacePreferencesRow> {
  const row = await tx.workspacePreferences.findUnique({ where: { workspaceId }, select: workspacePreferencesSelect });
  if (row) return row;
  // A workspace that predates its preferences row gets one on its first change.
  await tx.workspacePreferences.upsert({ where: { workspaceId }, create: { workspaceId }, update: {} });
  return tx.workspacePreferences.findUniqueOrThrow({ where: { workspaceId }, select: workspacePreferencesSelect });
}

/**
 * PATCH …/workspaces/{ws}/preferences (AIP-134 mask, AIP-154 etag). General fields set to
 * UNSPECIFIED, "" or null — or named in the mask and absent from the body — go back to
 * inheriting. Support access: a grant may carry an expiry at most 30 days ahead; each grant,
 * extension and end is its own audit entry, the general changes one more.
 */
export async function updateWorkspacePreferences(
  ctx: RequestContext,
  access: WorkspaceAccess,
  request: UpdateWorkspacePreferencesRequest,
): Promise<WorkspacePreferencesOutput> {
  const now = request.now ?? new Date();
  const { paths, preconditions } = request;
  const planned = plannedGeneral(paths, request.input.general);
  const ref = { organizationId: access.organizationId, workspaceId: access.workspaceId };
  const name = workspacePreferencesName(ref.organizationId, ref.workspaceId);

  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // The workspace must still be this organization's and live; the row is then read by its key.
    const ws = await tx.workspace.findFirst({
      where: { id: ref.workspaceId, organizationId: ref.organizationId, deleteTime: null },
      select: { organization: { select: { preferences: { select: generalSelect } } } },
    });
    if (!ws) throw notFound("Workspace", `organizations/${ref.organizationId}/workspaces/${ref.workspaceId}`, { workspace_id: ref.workspaceId });
    const row = await loadRow(tx, ref.workspaceId);
    if (!etagsMatch(preconditions, row.version)) throw preferencesEtagMismatch(name, row.version);

    const wasActive = supportAccessActive(row.supportTeamAccess, row.supportAccessExpireTime, now);
    const expiredUnrecorded = row.supportTeamAccess && !wasActive;
    const support = planSupportAccess(paths, request.input, { granted: wasActive, expire: wasActive ? row.supportAccessExpireTime : null }, now);
    const general = diffGeneral(row, planned);

    const data: Record<string, unknown> = { ...general.data };
    let supportEvent: "grant" | "extend" | "end" | null = null;
    if (support) {
      if (!wasActive && support.granted) supportEvent = "grant";
      else if (wasActive && !support.granted) supportEvent = "end";
      else if (wasActive && support.granted && (support.expire?.getTime() ?? null) !== (row.supportAccessExpireTime?.getTime() ?? null)) {
        supportEvent = "extend";
      }
      if (supportEvent || expiredUnrecorded) {
        data.supportTeamAccess = support.granted;
        data.supportAccessExpireTime = support.expire;
      }
    }
    if (Object.keys(data).length === 0) return toWorkspacePreferencesOutput(ref, row, ws.organization.preferences, now);

    const written = await tx.workspacePreferences.updateMany({
      where: { workspaceId: ref.workspaceId, version: row.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (written.count !== 1) throw concurrentPreferencesChange(name);

    const audit = { organizationId: ref.organizationId, workspaceId: ref.workspaceId, resource: name };
    // A grant that ran out before this change is recorded as ended by the product, first.
    if (expiredUnrecorded && support) {
      await recordSupportAccessEnd(tx, ctx, { ...audit, expireTime: row.supportAccessExpireTime! });
    }
    if (supportEvent && support) {
      const was = { support_team_access: wasActive, support_access_expire_time: wasActive ? row.supportAccessExpireTime?.toISOString() ?? null : null };
      const is = { support_team_access: support.granted, support_access_expire_time: support.expire?.toISOString() ?? null };
      await writeAuditEntry(tx, ctx, { ...audit, action: `support_access.${supportEvent}`, changes: { before: was, after: is } });
    }
    if (Object.keys(general.data).length) {
      await writeAuditEntry(tx, ctx, { ...audit, action: "preferences.update", changes: { before: general.before, after: general.after } });
    }
    const after = await tx.workspacePreferences.findUniqueOrThrow({ where: { workspaceId: ref.workspaceId }, select: workspacePreferencesSelect });
    return toWorkspacePreferencesOutput(ref, after, ws.organization.preferences, now);
  });
}
