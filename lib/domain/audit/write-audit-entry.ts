// Audit entries are written by the same transaction as the change they record.

import type { SqlTx, Tx } from "../../prisma-client";
import { actorOf, type RequestContext } from "../../auth/context";
import { newId } from "../../ids";
import { insertRows } from "../insert-rows";

const SECRET_KEYS = /secret|password|token|hash|key$/i;

/** Replaces secret values anywhere in a change record. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) && v != null && v !== "" ? "[REDACTED]" : redactSecrets(v)]),
    );
  }
  return value;
}

export interface AuditInput {
  organizationId: string;
  workspaceId?: string | null;
  action: string;
  resource: string;
  changes?: Record<string, unknown>;
  /** Overrides the caller, for changes the product makes by itself (a grant running out). */
  actor?: { type: "SYSTEM"; id: string; email: string };
}

function entryOf(ctx: RequestContext, input: AuditInput) {
  const actor = input.actor ?? actorOf(ctx);
  return {
    id: newId("aud"),
    organizationId: input.organizationId,
    workspaceId: input.workspaceId ?? null,
    action: input.action,
    actorType: actor.type,
    actorId: actor.id,
    actorEmail: actor.email,
    resource: input.resource,
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    changes: (redactSecrets(input.changes ?? {}) ?? {}) as object,
  };
}

export async function writeAuditEntry(tx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
  await tx.auditLogEntry.create({ data: entryOf(ctx, input) });
}

/** Several entries of one request in one statement (a batch operation records one per resource). */
export async function writeAuditEntries(tx: SqlTx, ctx: RequestContext, inputs: AuditInput[]): Promise<void> {
  await insertRows(
    tx,
    "audit_log_entries",
    {
      id: "text",
      organization_id: "text",
      workspace_id: "text",
      action: "text",
      actor_type: "text",
      actor_id: "text",
      actor_email: "text",
      resource: "text",
      request_id: "text",
      ip: "text",
      user_agent: "text",
      changes: "jsonb",
    },
    inputs.map((input) => {
      const e = entryOf(ctx, input);
      return {
        id: e.id,
        organization_id: e.organizationId,
        workspace_id: e.workspaceId,
        action: e.action,
        actor_type: e.actorType,
        actor_id: e.actorId,
        actor_email: e.actorEmail,
        resource: e.resource,
        request_id: e.requestId,
        ip: e.ip,
        user_agent: e.userAgent,
        changes: e.changes,
      };
    }),
  );
}
