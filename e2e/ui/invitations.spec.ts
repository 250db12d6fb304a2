import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { hydrated } from "../fixtures/hydration";
import { newPerson } from "../fixtures/people";
import { api } from "../fixtures/member-pages";
import { sql } from "../fixtures/database";
import { linkFromOutbox } from "../fixtures/outbox";

const tag = () => randomBytes(4).toString("hex");

async function openInvites(page: Page, orgId: string, wsId: string) {
  await page.goto(`/o/${orgId}/workspaces/${wsId}/invites`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Invitations" })).toBeVisible();
}

test.describe("console: invitations", () => {
  test.slow();

  test("an admin invites a new address; the mailed link lets the invitee sign up and land in the workspace with the role", async ({ page, browser }) => {
    const { admin, orgId } = world();
    const title = `Invites E2E ${tag()}`;
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title });
    const email = `invitee-${tag()}@e2e.example`;

    await new LoginPage(page).signIn(admin.email, admin.password);
    // "Invite" sits next to "Add member" and opens the invite dialog.
    await page.goto(`/o/${orgId}/workspaces/${ws.workspace_id}/members`);
    await hydrated(page);
    await page.getByRole("link", { name: "Invite", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Invite people" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Email addresses").fill(`not-an-address, ${email.toUpperCase()}`);
    await expect(dialog.getByRole("list", { name: "Addresses to invite" })).toContainText("not an email address");
    await dialog.getByRole("button", { name: /invite 2 people/i }).click();
    await expect(dialog.getByText(/fix or remove the address/i)).toBeVisible();
    await dialog.getByLabel("Email addresses").fill(email.toUpperCase());
    await dialog.getByLabel("Workspace Viewer").uncheck();
    await dialog.getByLabel("Workspace Editor").check();
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("1 invitation sent.")).toBeVisible();
    const row = page.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Workspace Editor");
    await expect(row).toContainText(/days left/);

    const link = await linkFromOutbox(email, "invite");
    const fresh = await browser.newContext();
    try {
      const invitee = await fresh.newPage();
      await invitee.goto(link);
      await hydrated(invitee);
      await expect(invitee.getByRole("heading", { name: new RegExp(`Join the workspace ${title}`) })).toBeVisible();
      await expect(invitee.getByText("Workspace Editor")).toBeVisible();
      await expect(invitee.getByLabel("Email")).toHaveValue(email);
      await invitee.getByLabel("Name").fill("Ivy Invitee");
      await invitee.getByLabel("Password").fill(`invitee password ${tag()}`);
      await invitee.getByRole("button", { name: "Create account and join" }).click();
      await invitee.waitForURL(new RegExp(`/o/${orgId}/workspaces/${ws.workspace_id}/general`));
      await expect(invitee.getByRole("heading", { name: title })).toBeVisible();
      // The invitation proved the address: no "confirm your email" banner.
      await expect(invitee.getByRole("complementary", { name: "Email not confirmed" })).toHaveCount(0);
      const users = await api<{ users: { user: { email: string }; roles: { name: string }[] }[] }>(
        page,
        admin.token,
        "GET",
        `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/users?filter=${encodeURIComponent(`search : "${email}"`)}`,
      );
      expect(users.users.map((u) => [u.user.email, u.roles.map((r) => r.name)])).toEqual([[email, ["workspace-editor"]]]);
      // The link worked once.
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
    } finally {
      await fresh.close();
    }

    await openInvites(page, orgId, ws.workspace_id);
    await expect(page.getByRole("table", { name: "Invitations" }).getByText(email)).toHaveCount(0);
    await page.getByRole("link", { name: "Accepted" }).click();
    await expect(page.getByRole("table", { name: "Invitations" }).getByText(email)).toBeVisible();
  });

  test("expired and revoked links show their own pages", async ({ page }) => {
    const { admin, orgId, viewerWorkspaceId } = world();
    const expired = `expired-${tag()}@e2e.example`;
    const revoked = `revoked-${tag()}@e2e.example`;
    const created = await api<{ invitations: { invitation_id: string; email: string }[] }>(
      page,
      admin.token,
      "POST",
      `/api/v1/organizations/${orgId}/workspaces/${viewerWorkspaceId}/invites`,
      { emails: [expired, revoked], roles: ["workspace-viewer"] },
    );
    const idOf = (e: string) => created.invitations.find((i) => i.email === e)!.invitation_id;
    await sql("UPDATE invitations SET expire_time = now() - interval '1 minute' WHERE id = $1", [idOf(expired)]);

    await new LoginPage(page).signIn(admin.email, admin.password);
    await openInvites(page, orgId, viewerWorkspaceId);
    await page.getByRole("button", { name: `Revoke invitation to ${revoked}` }).click();
    await expect(page.getByText(`Invitation to ${revoked} revoked`)).toBeVisible();

    await page.context().clearCookies();
    await page.goto(await linkFromOutbox(expired, "invite"));
    await expect(page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
    await page.goto(await linkFromOutbox(revoked, "invite"));
    await expect(page.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await page.goto("/invite/this-is-not-a-real-token-at-all");
    await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  });

  test("forgot password: the mailed link sets a new password, signs in, and the old session is refused", async ({ page, browser }) => {
    const person = newPerson("forgetful", "Fran Forgetful");
    const { admin, orgId } = world();
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });

    const old = await browser.newContext();
    try {
      const oldPage = await old.newPage();
      await new LoginPage(oldPage).signIn(person.email, person.password);
      await oldPage.goto(`/o/${orgId}/workspaces`);
      await expect(oldPage.getByRole("heading", { name: "Workspaces", level: 1 })).toBeVisible();

      await page.goto("/login");
      await hydrated(page);
      await page.getByRole("link", { name: "Forgot password?" }).click();
      // A client-side navigation: the sign-in page's own Email field stays until the new page is
      // in, and filling that one left the reset form empty on a busy machine.
      await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
      await hydrated(page);
      await page.getByLabel("Email").fill(person.email);
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
      // An unknown address gets the very same answer.
      await page.goto("/forgot-password");
      await hydrated(page);
      await page.getByLabel("Email").fill(`nobody-${tag()}@e2e.example`);
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();

      const link = await linkFromOutbox(person.email, "reset-password");
      const newPassword = `brand new ${tag()}`;
      await page.goto(link);
      await hydrated(page);
      await page.getByLabel("New password").fill(newPassword);
      await page.getByRole("button", { name: "Set new password" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/reset-password") && !u.pathname.startsWith("/login"));
      await page.goto(`/o/${orgId}/workspaces`);
      await expect(page.getByRole("heading", { name: "Workspaces", level: 1 })).toBeVisible();

      // The session signed in before the reset is over.
      await oldPage.goto(`/o/${orgId}/workspaces`);
      await oldPage.waitForURL(/\/login/);
      const res = await oldPage.request.get("/api/v1/me");
      expect(res.status()).toBe(401);

      // The link worked once.
      await page.context().clearCookies();
      await page.goto(link);
      await hydrated(page);
      await page.getByLabel("New password").fill(`another one ${tag()}`);
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
      await new LoginPage(page).signIn(person.email, newPassword);
      await expect(page).not.toHaveURL(/\/login/);
    } finally {
      await old.close();
    }
  });
});
