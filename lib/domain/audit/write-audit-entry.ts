// Audit entries are written by the same transaction as the change they record.

import type { Tx } from "../../prisma-client";
import { actorOf, type RequestContext } from "../../auth/context";
import { newId } from "../../ids";

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
export async function writeAuditEntries(tx: Tx, ctx: RequestContext, inputs: AuditInput[]): Promise<void> {
  if (inputs.length) await tx.auditLogEntry.createMany({ data: inputs.map((input) => entryOf(ctx, input)) });
}
