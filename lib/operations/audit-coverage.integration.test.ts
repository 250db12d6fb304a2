// Every operation of the registry that changes data writes an audit entry in its transaction.
// The test walks the registry: every operation that is not GET (unless named read-only) runs its
// scenario for real (the shared ones, lib/testing/operation-scenarios.ts, each in a tenant of its
// own) and must find a new entry. An operation without a scenario fails the first test, so a new
// changing operation cannot ship without an entry.

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { makeTenant, SCENARIOS, scenarioCoverage } from "@/lib/testing/operation-scenarios";
import { OPERATIONS } from ".";
import { executeOperation } from "./execute";
import type { Operation } from "./operation";

/** Non-GET operations that only read (POST because their input is a list). */
const READ_ONLY = new Set(["CountWorkspaceUsers"]);

const changing = (op: Operation) => op.method !== "GET" && !READ_ONLY.has(op.id);

describe("every changing operation writes an audit entry", () => {
  it("every operation of the registry has a scenario", () => {
    const { missing, stale } = scenarioCoverage();
    expect(missing, "operations with no scenario in lib/testing/operation-scenarios.ts").toEqual([]);
    expect(stale, "scenarios for operations that no longer exist").toEqual([]);
  });

  for (const op of OPERATIONS.filter(changing)) {
    it(`${op.id} writes an entry with the caller, the request id and the resource`, async () => {
      const scenario = SCENARIOS[op.id];
      if (!scenario) throw new Error(`no scenario for ${op.id}`);
      const { caller, raw: request } = await scenario(await makeTenant("Audit Cov Owner"));
      const prisma = await db();
      // A request id of its own, so the setup's entries are not counted.
      const ctx = { ...caller.ctx, requestId: `cov_${newId("aud").slice(4)}` };
      await executeOperation(op, ctx, request);
      const entries = await prisma.auditLogEntry.findMany({ where: { requestId: ctx.requestId } });
      expect(entries.length, `${op.id} wrote no audit entry`).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.actorId).toBe(caller.id);
        expect(e.action).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
        // Tokens belong to their user; everything else lives in an organization.
        expect(e.resource).toMatch(/^(organizations\/org_|users\/usr_)/);
      }
    });
  }
});
