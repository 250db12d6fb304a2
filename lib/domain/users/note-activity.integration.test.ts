import { describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { db } from "@/lib/db";
import { ACTIVITY_RESOLUTION_MS, noteActivity } from "./note-activity";

async function lastActive(userId: string): Promise<Date | null> {
  const prisma = await db();
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { lastActiveTime: true } })).lastActiveTime;
}

const minutes = (n: number) => n * 60_000;

describe("noteActivity: users' last activity, written at most once per window", () => {
  it("writes the first note, skips notes within the window without a statement, writes again after it", async () => {
    const user = await makeUser("Active User");
    expect(await lastActive(user.id)).toBeNull();

    const t0 = new Date(Date.now() - minutes(60));
    const first = noteActivity(user.id, t0);
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect((await lastActive(user.id))?.toISOString()).toBe(t0.toISOString());

    // Within the window: nothing started, nothing written.
    expect(noteActivity(user.id, new Date(t0.getTime() + minutes(1)))).toBeUndefined();
    expect(noteActivity(user.id, new Date(t0.getTime() + ACTIVITY_RESOLUTION_MS - 1))).toBeUndefined();
    expect((await lastActive(user.id))?.toISOString()).toBe(t0.toISOString());

    const t1 = new Date(t0.getTime() + ACTIVITY_RESOLUTION_MS);
    await noteActivity(user.id, t1);
    expect((await lastActive(user.id))?.toISOString()).toBe(t1.toISOString());
  });

  it("leaves a note another instance wrote within the window (the SQL guard); an unknown user is no error", async () => {
    const user = await makeUser("Seen Elsewhere");
    const prisma = await db();
    const elsewhere = new Date(Date.now() - minutes(5));
    await prisma.user.update({ where: { id: user.id }, data: { lastActiveTime: elsewhere } });
    // This process has not noted the user yet, so it tries; the row's own time keeps it unchanged.
    await noteActivity(user.id, new Date());
    expect((await lastActive(user.id))?.toISOString()).toBe(elsewhere.toISOString());
    // A user that does not exist is no error for the caller.
    await expect(noteActivity("usr_doesnotexist00000000000", new Date())).resolves.toBeUndefined();
  });

  it("an authenticated API request notes its caller, and the member list shows it", async () => {
    const owner = await makeUser("Lists Members");
    const org = await makeOrg(owner);
    const ws = await makeWorkspace(owner, org.organization_id);
    const token = await makeToken(owner, { organizationId: org.organization_id });
    const before = Date.now();
    const list = `/api/v1/organizations/${org.organization_id}/workspaces/${ws.workspace_id}/users`;
    const res = await api.get(list, { token });
    expect(res.status).toBe(200);
    // The write is not awaited by the request: wait for it to land.
    let seen: Date | null = null;
    for (let i = 0; i < 50 && !seen; i++) {
      seen = await lastActive(owner.id);
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const again = await api.get(list, { token });
    const row = (again.body as { users: { user: { email: string }; last_active_time: string | null }[] }).users.find((u) => u.user.email === owner.email);
    expect(row?.last_active_time).toBe(seen!.toISOString());
  });
});
