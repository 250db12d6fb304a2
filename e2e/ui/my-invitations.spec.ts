import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../fixtures/audit";
import { sql } from "../fixtures/database";
import { hydrated } from "../fixtures/hydration";
import { api } from "../fixtures/member-pages";
import { LoginPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import { createWorkspaceViaApi } from "../fixtures/workspace-pages";
import { world } from "../fixtures/world";

const tag = () => randomBytes(3).toString("hex");

test.describe("console: the user's own invitations on / and in the organization switcher", () => {
  test.slow();

  test("an invitee declines one and accepts one from /, lands in the workspace, and finds the last one through the switcher", async ({ page }) => {
    const { admin } = world();
    const suffix = tag();
    const orgTitle = `Inviting Co ${suffix}`;
    const org = await api<{ organization_id: string }>(page, admin.token, "POST", "/api/v1/organizations", { title: orgTitle });
    const orgId = org.organization_id;
    const [design, ops, later] = await Promise.all(
      ["Design", "Ops", "Later"].map((t) => createWorkspaceViaApi(page.request, admin.token, orgId, `${t} ${suffix}`)),
    );
    const invitee = newPerson("own-invitee", "Olive Invitee");
    for (const ws of [design, ops, later]) {
      await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws}/invites`, { emails: [invitee.email], roles: ["workspace-editor"] });
    }

    // A user with no organization lands on /, which lists the invitations.
    await new LoginPage(page).signIn(invitee.email, invitee.password);
    await page.goto("/");
    await hydrated(page);
    const section = page.getByRole("region", { name: "Invitations" });
    await expect(section.getByTestId("my-invitation")).toHaveCount(3);
    await expect(section.getByTestId("my-invitation").filter({ hasText: `Design ${suffix} in ${orgTitle}` })).toContainText("Workspace Editor");
    await expectNoSeriousViolations(page, "home invitations", "#invitations");

    await section.getByRole("button", { name: `Decline the invitation to Ops ${suffix} in ${orgTitle}` }).click();
    await expect(page.getByText("Invitation declined")).toBeVisible();
    await expect(section.getByTestId("my-invitation")).toHaveCount(2);

    await section.getByRole("button", { name: `Accept the invitation to Design ${suffix} in ${orgTitle}` }).click();
    await expect(page.getByText("Invitation accepted")).toBeVisible();
    await page.waitForURL(new RegExp(`/o/${orgId}/workspaces/${design}`));
    await expect(page.getByRole("heading", { name: `Design ${suffix}` })).toBeVisible();

    // The switcher counts the one left and leads back to it.
    const switcher = page.getByRole("button", { name: /^Organization: .*1 pending invitation$/ });
    await expect(switcher).toBeVisible();
    await switcher.click();
    await page.getByRole("menuitem", { name: `Invitation to Later ${suffix} in ${orgTitle}` }).click();
    await page.waitForURL(/\/\?home#invitations$/);
    await hydrated(page);
    await expect(page.getByRole("region", { name: "Invitations" }).getByTestId("my-invitation")).toHaveCount(1);

    const members = await api<{ users: { user: { email: string }; roles: { name: string }[] }[] }>(
      page,
      admin.token,
      "GET",
      `/api/v1/organizations/${orgId}/workspaces/${design}/users?filter=${encodeURIComponent(`search : "${invitee.email}"`)}`,
    );
    expect(members.users.map((u) => [u.user.email, u.roles.map((r) => r.name)])).toEqual([[invitee.email, ["workspace-editor"]]]);
    const opsInvites = await api<{ invitations: { email: string; state: string }[] }>(
      page,
      admin.token,
      "GET",
      `/api/v1/organizations/${orgId}/workspaces/${ops}/invites?filter=${encodeURIComponent('state = "DECLINED"')}`,
    );
    expect(opsInvites.invitations.map((i) => i.email)).toEqual([invitee.email]);
  });

  test("an unverified invitee is told to verify first, with the way to resend the confirmation link", async ({ page }) => {
    const { admin, orgId, viewerWorkspaceId } = world();
    const invitee = newPerson("unverified-invitee");
    await sql("UPDATE users SET email_verified_at = NULL WHERE id = $1", [invitee.id]);
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${viewerWorkspaceId}/invites`, { emails: [invitee.email], roles: ["workspace-viewer"] });

    await new LoginPage(page).signIn(invitee.email, invitee.password);
    await page.goto("/");
    await hydrated(page);
    const section = page.getByRole("region", { name: "Invitations" });
    await expect(section.getByText("Verify your email to accept: open the confirmation link we mailed you", { exact: false })).toBeVisible();
    const accept = section.getByRole("button", { name: /^Accept the invitation to / });
    await expect(accept).toHaveAttribute("aria-disabled", "true");
    await expect(accept).toHaveAccessibleDescription("Verify your email to accept");
    await accept.focus();
    await expect(page.getByRole("tooltip")).toContainText("Verify your email to accept");
    // Pressed anyway, it stays put: nothing is sent, the invitation is still there.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/$/);
    await expect(section.getByTestId("my-invitation")).toHaveCount(1);
    await section.getByRole("button", { name: "Send the confirmation link again" }).click();
    await expect(section.getByText("A new confirmation link is on its way.")).toBeVisible();
  });
});
