// Writes invitations and their mails inside the caller's transaction. The token exists only in
// the mail's link: the row keeps a SHA-256 of it (a fast hash suffices for 256 random bits), and
// the outbox drops the link from the mail once it is delivered (lib/jobs/deliver-mail.ts).

import "server-only";
import { createHash } from "node:crypto";
import { newId, randomBytesPooled } from "../../ids";
import type { RequestContext } from "../../auth/context";
import { builtInRole } from "../../auth/permissions";
import type { SqlTx, Tx } from "../../prisma-client";
import { DEFAULT_INVITATION_TTL_HOURS } from "../../schemas/invitations";
import { insertRows } from "../insert-rows";
import { enqueueMails, type QueuedMail } from "../mail/enqueue-mail";
import { invitationMail } from "../mail/templates";
import { noteMintedLink } from "./minted-links";

export { invitationLink } from "../mail/templates";

export const INVITATION_TTL_MS = DEFAULT_INVITATION_TTL_HOURS * 60 * 60 * 1000;

export interface NewInvitation {
  organizationId: string;
  workspaceId: string | null;
  /** Normalised (trimmed, lower-cased). */
  email: string;
  roles: string[];
  /** For the mail's wording. */
  organizationTitle: string;
  workspaceTitle?: string;
}

export interface InsertedInvitation {
  id: string;
  email: string;
  expireTime: Date;
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 256 random bits, URL-safe. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytesPooled(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** The organization's invitation lifetime (1 hour–30 days, 7 days by default). */
export async function invitationTtlMs(tx: SqlTx, organizationId: string): Promise<number> {
  const [org] = await tx.$queryRawUnsafe<{ hours: number }[]>(`SELECT invitation_ttl_hours AS hours FROM organizations WHERE id = $1`, organizationId);
  return (org?.hours ?? DEFAULT_INVITATION_TTL_HOURS) * 60 * 60 * 1000;
}

/** Role titles for the mail: built-in titles, the workspace's custom role titles, else the id. */
export async function roleTitles(tx: SqlTx, workspaceId: string | null, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const custom = ids.filter((id) => !builtInRole(id));
  const rows =
    custom.length && workspaceId
      ? await tx.$queryRawUnsafe<{ id: string; title: string }[]>(`SELECT id, title FROM roles WHERE workspace_id = $1 AND id = ANY($2::text[])`, workspaceId, custom)
      : [];
  for (const id of ids) out.set(id, builtInRole(id)?.title ?? rows.find((r) => r.id === id)?.title ?? id);
  return out;
}

async function mailsFor(
  tx: SqlTx,
  ctx: RequestContext,
  items: { inv: NewInvitation; token: string; expireTime: Date }[],
): Promise<QueuedMail[]> {
  const titles = new Map<string, Map<string, string>>();
  const mails: QueuedMail[] = [];
  for (const { inv, token, expireTime } of items) {
    const key = inv.workspaceId ?? "";
    if (!titles.has(key)) {
      const all = [...new Set(items.filter((i) => (i.inv.workspaceId ?? "") === key).flatMap((i) => i.inv.roles))];
      titles.set(key, await roleTitles(tx, inv.workspaceId, all));
    }
    const t = titles.get(key)!;
    mails.push({
      workspaceId: inv.workspaceId,
      ...invitationMail({
        to: inv.email,
        token,
        inviterName: ctx.caller.displayName,
        inviterEmail: ctx.caller.email,
        organizationTitle: inv.organizationTitle,
        workspaceTitle: inv.workspaceTitle,
        roleTitles: inv.roles.map((r) => t.get(r) ?? r),
        expireTime,
      }),
    });
  }
  return mails;
}

/** Inserts PENDING invitations (the organization's lifetime) and one outbox mail each. */
export async function insertInvitations(tx: SqlTx, ctx: RequestContext, invitations: NewInvitation[]): Promise<InsertedInvitation[]> {
  if (invitations.length === 0) return [];
  const ttl = await invitationTtlMs(tx, invitations[0].organizationId);
  const expireTime = new Date(Date.now() + ttl);
  const rows = invitations.map((inv) => ({ inv, id: newId("inv"), expireTime, ...newInvitationToken() }));
  await insertRows(
    tx,
    "invitations",
    { id: "text", organization_id: "text", workspace_id: "text", email: "text", roles: "text[]", token_hash: "text", inviter_id: "text", expire_time: "timestamptz" },
    rows.map(({ inv, id, tokenHash }) => ({
      id,
      organization_id: inv.organizationId,
      workspace_id: inv.workspaceId,
      email: inv.email,
      roles: inv.roles,
      token_hash: tokenHash,
      inviter_id: ctx.caller.userId,
      expire_time: expireTime,
    })),
    { state: `'PENDING'`, update_time: "now()" },
  );
  for (const [orgId, group] of groupBy(rows, (r) => r.inv.organizationId)) {
    await enqueueMails(tx, await mailsFor(tx, ctx, group), orgId);
  }
  for (const r of rows) noteMintedLink(r.id, r.inv.email, r.token);
  return rows.map(({ inv, id }) => ({ id, email: inv.email, expireTime }));
}

export async function insertInvitation(tx: SqlTx, ctx: RequestContext, invitation: NewInvitation): Promise<InsertedInvitation> {
  const [inserted] = await insertInvitations(tx, ctx, [invitation]);
  return inserted;
}

/**
 * Gives a PENDING invitation a new token and expiry (and `roles`, when refreshed with new ones)
 * and mails the new link. The old token's hash is overwritten, so the old link is dead at once.
 * The caller has locked the row.
 */
export async function reissueInvitation(tx: Tx, ctx: RequestContext, id: string, invitation: NewInvitation): Promise<InsertedInvitation> {
  const ttl = await invitationTtlMs(tx, invitation.organizationId);
  const expireTime = new Date(Date.now() + ttl);
  const { token, tokenHash } = newInvitationToken();
  await tx.invitation.update({
    where: { id },
    data: { tokenHash, expireTime, roles: invitation.roles, inviterId: ctx.caller.userId, state: "PENDING" },
  });
  await enqueueMails(tx, await mailsFor(tx, ctx, [{ inv: invitation, token, expireTime }]), invitation.organizationId);
  noteMintedLink(id, invitation.email, token);
  return { id, email: invitation.email, expireTime };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const group = out.get(key(item));
    if (group) group.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
