import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/console-session";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeUser, type TestUser } from "@/lib/testing/factories";
import { createTokenAction, revokeTokenAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let ada: TestUser;
let orgId: string;

beforeAll(async () => {
  ada = await makeUser("Token Console");
  orgId = (await makeOrg(ada)).organization_id;
});

describe("token actions", () => {
  it("creates a token the API accepts and revokes it so the API refuses it", async () => {
    actAs(ada);
    const created = await createTokenAction({ display_name: "console", organization_id: orgId, access: "READ_ONLY" });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    expect((await api.get("/api/v1/me", { token: created.data.token })).status).toBe(200);
    const revoked = await revokeTokenAction(created.data.token_id);
    expect(revoked.ok).toBe(true);
    expect((await api.get("/api/v1/me", { token: created.data.token })).status).toBe(401);
  });

  it("answers field violations and refuses when signed out", async () => {
    actAs(ada);
    const bad = await createTokenAction({ display_name: "", organization_id: orgId });
    expect(!bad.ok && bad.error.fieldViolations.map((v) => v.field)).toContain("display_name");
    actAs(undefined);
    const out = await createTokenAction({ display_name: "x", organization_id: orgId });
    expect(!out.ok && out.error.code).toBe("UNAUTHENTICATED");
  });
});
