// Every console page as the role that uses it, audited with axe in both themes and photographed
// at 1440 and 375 px; every dialog audited open and checked to give focus back on Escape; and
// the defects found when the console was tried, each pinned.

import { expect, test, type Locator, type Page } from "@playwright/test";
import { auditBothThemes, auditDialog, expectNoPageOverflow, screenshots } from "../fixtures/audit";
import { hydrated } from "../fixtures/hydration";
import { MembersPage, RolesPage } from "../fixtures/member-pages";
import { OrgSettingsPage } from "../fixtures/org-pages";
import { LoginPage, WorkspacesPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import { signedInPage } from "../fixtures/session";
import { api } from "../fixtures/member-pages";
import { GeneralTab, SettingsTab, WorkspaceDetailPage, createWorkspaceViaApi } from "../fixtures/workspace-pages";
import { world } from "../fixtures/world";

const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

/** Presses Tab until `target` has focus (keyboard only), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

async function page1440(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Opens `path`, then (after `prepare`, e.g. expanding an entry) audits it in both themes and photographs it. */
async function visit(page: Page, path: string, name: string, prepare?: () => Promise<void>) {
  await page.goto(path);
  await hydrated(page);
  await prepare?.();
  await auditBothThemes(page, name);
  await screenshots(page, name);
}

/** A reason for a disabled control, in words and reachable by keyboard (its accessible description). */
async function expectOfferedNot(control: Locator, reason: string | RegExp) {
  await expect(control).toHaveAttribute("aria-disabled", "true");
  await expect(control).toHaveAccessibleDescription(reason);
}

test.describe("console: every page, audited", () => {
  test.describe.configure({ timeout: 240_000 });

  test("signed out: sign-in and sign-up pass axe; sign-in shows the password on request and links the reset flow", async ({ page }) => {
    await page1440(page);
    await page.goto("/login");
    await hydrated(page);
    await auditBothThemes(page, "/login");
    await screenshots(page, "login");
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("secret words");
    await expect(password).toHaveAttribute("type", "password");
    await page.getByRole("button", { name: "Show password" }).click();
    await expect(password).toHaveAttribute("type", "text");
    await expect(page.getByRole("button", { name: "Hide password" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("link", { name: "Forgot password?" })).toHaveAttribute("href", "/forgot-password");

    await page.goto("/signup");
    await hydrated(page);
    await auditBothThemes(page, "/signup");
    await screenshots(page, "signup");
  });

  test("an organization admin's pages and dialogs", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    // A 256-character title: the longest the API takes.
    const longTitle = `${unique("Long")} ${"x".repeat(256)}`.slice(0, 256);
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, longTitle);
    await new LoginPage(page).signIn(admin.email, admin.password);

    const list = new WorkspacesPage(page);
    await list.goto(orgId);
    await auditBothThemes(page, "workspaces");
    await screenshots(page, "workspaces");
    await auditDialog(page, list.newWorkspaceButton(), "New workspace", "New workspace");
    await auditDialog(page, page.getByRole("button", { name: "Bulk provision" }), "Bulk provision workspaces", "Bulk provision");

    const detail = new WorkspaceDetailPage(page);
    await detail.goto(orgId, wsId, "general");
    await auditBothThemes(page, "general");
    await screenshots(page, "workspace-general");

    const members = new MembersPage(page);
    await members.goto(orgId, wsId);
    await auditBothThemes(page, "members");
    await screenshots(page, "workspace-members");
    await auditDialog(page, members.addButton(), "Add member", "Add member");
    await auditDialog(page, members.row(admin.email).getByRole("button", { name: /^Change roles of/ }), "Change roles", "Change roles");

    const roles = new RolesPage(page);
    await roles.goto(orgId, wsId);
    await auditBothThemes(page, "roles");
    await screenshots(page, "workspace-roles");
    await auditDialog(page, page.getByRole("button", { name: "New role" }), "New role", "New role");

    await detail.goto(orgId, wsId, "settings");
    await auditBothThemes(page, "settings");
    await screenshots(page, "workspace-settings");
    const zone = new SettingsTab(page).zone();
    for (const name of ["Disable workspace", "Clone workspace", "Delete workspace"]) {
      // Regression: after Escape, focus landed on <body> instead of the button that opened the dialog.
      await auditDialog(page, zone.getByRole("button", { name }), name, name);
    }

    const settings = new OrgSettingsPage(page);
    await settings.goto(orgId);
    await auditBothThemes(page, "organization settings");
    await screenshots(page, "org-settings");
    await auditDialog(page, settings.addMemberButton(), "Add member", "organization Add member");
    await auditDialog(page, settings.transferButton(), "Transfer ownership", "Transfer ownership");
  });

  test("an organization admin's preferences, activity, invites, credentials, mail and token pages", async ({ browser, baseURL }) => {
    const { admin, orgId } = world();
    const page = await signedInPage(browser, baseURL, admin.email, admin.password);
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, unique("Audit pages"));
    const ws = `/o/${orgId}/workspaces/${wsId}`;

    await visit(page, `${ws}/preferences`, "workspace-preferences");
    // The time-zone combobox with its list open.
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await zone.fill("europe");
    await expect(page.getByRole("listbox", { name: "Time zone" })).toBeVisible();
    await auditBothThemes(page, "preferences with the time-zone list open");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("listbox", { name: "Time zone" })).toBeHidden();
    await zone.fill("");

    await visit(page, `${ws}/activity`, "workspace-activity", async () => {
      const entry = page.getByTestId("activity-entry").first();
      await entry.locator("summary").click();
      await expect(entry.getByTestId("change-row").first()).toBeVisible();
    });
    await visit(page, `${ws}/invites`, "workspace-invites");
    await auditDialog(page, page.getByRole("button", { name: "Invite people" }), "Invite people", "Invite people");
    await visit(page, `${ws}/credentials`, "workspace-credentials");
    await auditDialog(page, page.getByRole("button", { name: "Add credential" }), "Add OAuth credential", "Add OAuth credential");
    await visit(page, `/o/${orgId}/activity`, "org-activity");
    await visit(page, `/o/${orgId}/mail`, "org-mail");
    await visit(page, "/settings/tokens", "tokens");
    await auditDialog(page, page.getByRole("button", { name: "New token" }), "New personal access token", "New token");
    await page.context().close();
  });

  test("a workspace admin and an editor: each offered what the role allows, the rest refused in words", async ({ browser, baseURL, page }) => {
    const { admin, orgId } = world();
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, unique("Roles walk"));
    const ws = `/o/${orgId}/workspaces/${wsId}`;
    const wsAdmin = newPerson("ws-admin", "Wanda Wsadmin");
    const editor = newPerson("editor", "Eddie Editor");
    for (const [person, role] of [[wsAdmin, "workspace-admin"], [editor, "workspace-editor"]] as const) {
      await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });
      await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${wsId}/users`, { email: person.email, roles: [role] });
    }

    const a = await signedInPage(browser, baseURL, wsAdmin.email, wsAdmin.password);
    await visit(a, `${ws}/members`, "wsadmin-members");
    const aMembers = new MembersPage(a);
    await expect(aMembers.addButton()).not.toHaveAttribute("aria-disabled", "true");
    await auditDialog(a, aMembers.addButton(), "Add member", "workspace admin Add member");
    await visit(a, `${ws}/roles`, "wsadmin-roles");
    await visit(a, `${ws}/preferences`, "wsadmin-preferences");
    await expect(a.getByRole("button", { name: "Save preferences" })).toBeVisible();
    await expect(a.getByRole("form", { name: "Workspace preferences" }).getByRole("note")).toHaveCount(0);
    await visit(a, `${ws}/settings`, "wsadmin-settings");
    // A clone is a new workspace: only organization admins create those.
    await expectOfferedNot(new SettingsTab(a).zone().getByRole("button", { name: "Clone workspace" }), "Only organization admins can create workspaces.");
    await a.context().close();

    const e = await signedInPage(browser, baseURL, editor.email, editor.password);
    await visit(e, `${ws}/general`, "editor-general");
    await expect(new GeneralTab(e).title()).toBeEditable();
    await visit(e, `${ws}/members`, "editor-members");
    await expectOfferedNot(new MembersPage(e).addButton(), "Only workspace admins can add members.");
    await visit(e, `${ws}/invites`, "editor-invites");
    await auditDialog(e, e.getByRole("button", { name: "Invite people" }), "Invite people", "editor Invite people");
    await visit(e, `${ws}/preferences`, "editor-preferences");
    await expect(e.getByRole("form", { name: "Workspace preferences" }).getByRole("combobox", { name: "Time zone" })).toBeEditable();
    await visit(e, `${ws}/settings`, "editor-settings");
    await expectOfferedNot(new SettingsTab(e).zone().getByRole("button", { name: "Delete workspace" }), /\w/);
    await e.context().close();
  });

  test("a workspace viewer's pages: nothing offered that would fail, each refusal in words", async ({ page }) => {
    const { viewer, orgId, viewerWorkspaceId } = world();
    await page1440(page);
    await new LoginPage(page).signIn(viewer.email, viewer.password);
    const list = new WorkspacesPage(page);
    await list.goto(orgId);
    await expect(list.newWorkspaceButton()).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("button", { name: "Bulk provision" })).toHaveCount(0);
    await auditBothThemes(page, "viewer workspaces");
    await screenshots(page, "viewer-workspaces");

    const detail = new WorkspaceDetailPage(page);
    for (const tab of ["general", "settings"] as const) {
      await detail.goto(orgId, viewerWorkspaceId, tab);
      await auditBothThemes(page, `viewer ${tab}`);
      await screenshots(page, `viewer-${tab}`);
    }
    const members = new MembersPage(page);
    await members.goto(orgId, viewerWorkspaceId);
    await expect(members.addButton()).toHaveAccessibleDescription("Only workspace admins can add members.");
    await auditBothThemes(page, "viewer members");
    await screenshots(page, "viewer-members");

    // Preferences read-only: the reason in words, no reset, no save; the Activity tab readable.
    const ws = `/o/${orgId}/workspaces/${viewerWorkspaceId}`;
    await visit(page, `${ws}/preferences`, "viewer-preferences");
    const form = page.getByRole("form", { name: "Workspace preferences" });
    await expect(form.getByRole("note")).toContainText(/can view these preferences/i);
    await expect(form.getByRole("combobox", { name: "Time zone" })).toBeDisabled();
    await expect(form.getByRole("button", { name: /^Reset to inherit/ })).toHaveCount(0);
    await expect(form.getByRole("button", { name: "Save preferences" })).toBeDisabled();
    await visit(page, `${ws}/activity`, "viewer-activity");
    await visit(page, `${ws}/invites`, "viewer-invites");
    await expect(page.getByRole("button", { name: "Invite people" })).not.toBeEnabled();
  });
});

test.describe("console: defects found when it was tried", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a 256-character title is cut with an ellipsis, keeps the other columns in view, and shows in full on focus", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    const prefix = unique("Wide");
    const longTitle = `${prefix} ${"w".repeat(256)}`.slice(0, 256);
    await createWorkspaceViaApi(page.request, admin.token, orgId, longTitle);
    await new LoginPage(page).signIn(admin.email, admin.password);
    await page.goto(`/o/${orgId}/workspaces?q=${encodeURIComponent(prefix)}`);
    await hydrated(page);
    const link = page.getByRole("table", { name: "Workspaces" }).getByRole("link", { name: longTitle });
    const created = page
      .getByRole("table", { name: "Workspaces" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: longTitle }) })
      .getByRole("cell")
      .nth(4);
    // Regression: the title pushed Members/State/Creator/Created off screen.
    const box = await created.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1440);
    await expectNoPageOverflow(page);
    await link.focus();
    await expect(page.getByRole("tooltip", { name: longTitle })).toBeVisible();

    // At 375 px the table scrolls inside its card, not the page.
    await page.setViewportSize({ width: 375, height: 812 });
    await expectNoPageOverflow(page);
  });

  test("inputs near their limit show a counter instead of cutting silently", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    await new LoginPage(page).signIn(admin.email, admin.password);
    const list = new WorkspacesPage(page);
    await list.goto(orgId);
    await list.newWorkspaceButton().click();
    const dialog = page.getByRole("dialog", { name: "New workspace" });
    const title = dialog.getByLabel("Title");
    await title.fill("t".repeat(100));
    await expect(dialog.getByTestId("character-count")).toHaveCount(0);
    await title.fill("t".repeat(250));
    await expect(dialog.getByTestId("character-count")).toHaveText("250 / 256 characters");
    await expect(title).toHaveAccessibleDescription(/250 \/ 256 characters/);
  });

  test("Change roles opens on its first control, and the pickers are one Tab stop per group", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, unique("Focus"));
    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    await members.goto(orgId, wsId);
    // Regression: focus started on the close button, so Enter closed the dialog.
    const dialog = await members.openChangeRoles(admin.email);
    await expect(dialog.getByRole("checkbox").first()).toBeFocused();
    await page.keyboard.press("Escape");

    await new WorkspacesPage(page).goto(orgId);
    await page.getByRole("button", { name: "New workspace" }).click();
    const create = page.getByRole("dialog", { name: "New workspace" });
    await create.getByLabel("Description").focus();
    // Regression: every icon and swatch was a Tab stop (29 of them).
    await page.keyboard.press("Tab");
    await expect(create.getByRole("radio", { name: "No icon" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    const second = create.getByRole("radiogroup", { name: "Icon" }).getByRole("radio").nth(1);
    await expect(second).toBeFocused();
    await expect(second).toHaveAttribute("aria-checked", "true");
    await page.keyboard.press("Tab");
    await expect(create.getByRole("radio", { name: "Indigo" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(create.getByLabel("Custom color")).toBeFocused();
    // The data region is a Radix select: the next Tab stop, opened and walked with the keyboard.
    const region = create.getByRole("combobox", { name: "Data region" });
    await page.keyboard.press("Tab");
    await expect(region).toBeFocused();
    await page.keyboard.press("Enter");
    // The list opens on the current choice; the arrow keys walk it from there.
    await expect(page.getByRole("option", { name: "United States (us-west-2)" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("option", { name: "European Union (eu-west-1)" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(region).toHaveText("European Union (eu-west-1)");
    await expect(region).toBeFocused();
  });

  test("the members table's Added time costs no Tab stop per row, and its full date is printed under it", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, unique("Added"));
    const person = newPerson("added", "Ada Added");
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });
    await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${wsId}/users`, { user_id: person.id, roles: ["workspace-viewer"] });
    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    await members.goto(orgId, wsId);
    // Regression: each row's relative time was a Tab stop of its own (for its hover date).
    await expect(members.table().locator("time[tabindex]")).toHaveCount(0);
    // Newest first: the person's row, then the admin's (who has no selection box on their own row).
    await members.removeButton(person.email).focus();
    await page.keyboard.press("Tab");
    await expect(members.row(admin.email).getByRole("button", { name: /^Change roles of/ })).toBeFocused();
    // The full date stays on the page for everyone, not only on hover.
    const added = members.row(person.email).locator("time").first();
    await expect(added).toContainText(/ago|now/);
    await expect(added).toContainText(String(new Date().getUTCFullYear()));
  });

  test("the organization switcher opens and is walked with the keyboard, and gives focus back", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    await new LoginPage(page).signIn(admin.email, admin.password);
    await new WorkspacesPage(page).goto(orgId);
    const trigger = page.getByRole("banner").getByRole("button", { name: /^Organization:/ });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem").nth(1)).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test("the theme toggle remembers the choice", async ({ page }) => {
    const { admin, orgId } = world();
    await new LoginPage(page).signIn(admin.email, admin.password);
    await new WorkspacesPage(page).goto(orgId);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await toggle.click();
    const after = before === "dark" ? "light" : "dark";
    await expect(page.locator("html")).toHaveAttribute("data-theme", after);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", after);
  });

  test("General warns before unsaved edits are lost, and tab switches show a loading state", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, unique("Guard"));
    await new LoginPage(page).signIn(admin.email, admin.password);
    const detail = new WorkspaceDetailPage(page);
    await detail.goto(orgId, wsId, "general");
    const general = new GeneralTab(page);
    await general.title().fill("Edited but not saved");
    // Regression: clicking another tab dropped the edits without a word.
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await detail.tab("Members").click();
    await expect.poll(() => asked).toContain("unsaved changes");
    await expect(page).toHaveURL(/\/general$/);
    await expect(general.title()).toHaveValue("Edited but not saved");

    // Discard, then a slow tab switch: the tab's skeleton answers the click at once.
    await general.form().getByRole("button", { name: "Discard" }).click();
    await page.route(/\/members(\?|$)/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await detail.tab("Members").click();
    await expect(page.getByRole("status").filter({ hasText: "Loading the tab…" })).toBeAttached();
    await expect(page.getByRole("heading", { name: "Members", level: 2, exact: true })).toBeVisible();
  });

  test("several members get new roles, then are removed, in one go, with the outcome per member", async ({ page }) => {
    test.slow();
    const { admin, orgId } = world();
    await page1440(page);
    const ws = await api<{ workspace_id: string }>(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces`, { title: unique("Bulk") });
    const people = [newPerson("bulk-a", "Bea Bulk"), newPerson("bulk-b", "Bo Bulk")];
    for (const p of people) {
      await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: p.email });
      await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/users`, { email: p.email, roles: ["workspace-viewer"] });
    }
    await new LoginPage(page).signIn(admin.email, admin.password);
    const members = new MembersPage(page);
    await members.goto(orgId, ws.workspace_id);
    for (const p of people) await page.getByRole("checkbox", { name: `Select ${p.name}` }).check();
    const bar = page.getByRole("region", { name: "Selected members" });
    await expect(bar).toContainText("2 selected");

    await bar.getByRole("button", { name: "Change roles…" }).click();
    const roles = page.getByRole("dialog", { name: "Change roles of 2 members" });
    await roles.getByRole("checkbox", { name: /^Workspace Editor/ }).check();
    await roles.getByRole("button", { name: "Save roles" }).click();
    await expect(roles).toBeHidden();
    for (const p of people) {
      await expect(members.roles(p.email).getByText("Workspace Editor")).toBeVisible();
      await expect(members.roles(p.email).getByText("Workspace Viewer")).toHaveCount(0);
    }

    await bar.getByRole("button", { name: "Remove…" }).click();
    const remove = page.getByRole("dialog", { name: "Remove 2 members?" });
    await expect(remove.getByRole("button", { name: "Cancel" })).toBeFocused();
    await remove.getByRole("button", { name: "Remove 2 members" }).click();
    await expect(remove).toBeHidden();
    for (const p of people) await expect(members.row(p.email)).toHaveCount(0);
    await expect(bar).toBeHidden();
  });

  test("keyboard only: sign in, create a workspace, change a member's roles, invite someone, set a preference", async ({ page }) => {
    const { admin, orgId } = world();
    await page1440(page);
    await page.goto("/login");
    await hydrated(page);
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(admin.email);
    await tabTo(page, page.getByLabel("Password", { exact: true }));
    await page.keyboard.type(admin.password);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/o/${orgId}/workspaces`));
    await hydrated(page);

    const title = unique("Keyboard");
    await tabTo(page, page.getByRole("button", { name: "New workspace" }));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New workspace" });
    await expect(dialog.getByLabel("Title")).toBeFocused();
    await page.keyboard.type(title);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    const link = page.getByRole("table", { name: "Workspaces" }).getByRole("link", { name: title });
    await expect(link).toBeVisible();

    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await tabTo(page, page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }));
    await page.keyboard.press("Enter");
    const members = new MembersPage(page);
    const change = members.row(admin.email).getByRole("button", { name: /^Change roles of/ });
    await tabTo(page, change);
    await page.keyboard.press("Enter");
    const roles = page.getByRole("dialog", { name: "Change roles" });
    const editor = roles.getByRole("checkbox", { name: /^Workspace Editor/ });
    await tabTo(page, editor);
    await page.keyboard.press("Space");
    await expect(editor).toBeChecked();
    await tabTo(page, roles.getByRole("button", { name: "Save roles" }));
    await page.keyboard.press("Enter");
    await expect(roles).toBeHidden();
    await expect(members.roles(admin.email).getByText("Workspace Editor")).toBeVisible();
    await expect(change).toBeFocused();

    // Invite someone: the Invites tab, its dialog (the address field has focus), send.
    const invitee = `keyboard-${Math.random().toString(36).slice(2, 8)}@e2e.example`;
    await tabTo(page, page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Invites" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("button", { name: "Invite people" }));
    await page.keyboard.press("Enter");
    const invite = page.getByRole("dialog", { name: "Invite people" });
    await expect(invite.getByLabel("Email addresses")).toBeFocused();
    await page.keyboard.type(invitee);
    await tabTo(page, invite.getByRole("button", { name: "Send invitation" }));
    await page.keyboard.press("Enter");
    // Sent: the new link is shown once, and focus waits on Done.
    await expect(invite.getByRole("status")).toHaveText("1 invitation sent.");
    await expect(invite.getByRole("button", { name: "Done" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(invite).toBeHidden();
    await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: invitee })).toBeVisible();

    // A preference: the time zone from the combobox (type, Enter takes the match), then save.
    await tabTo(page, page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Preferences" }));
    await page.keyboard.press("Enter");
    const zone = page.getByRole("combobox", { name: "Time zone" });
    await tabTo(page, zone);
    await page.keyboard.type("Tokyo");
    await expect(page.getByRole("listbox", { name: "Time zone" }).getByRole("option", { name: /^Asia\/Tokyo/ })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(zone).toHaveValue("Asia/Tokyo");
    await tabTo(page, page.getByRole("button", { name: "Save preferences" }));
    await page.keyboard.press("Enter");
    await expect(page.getByText("Preferences saved")).toBeVisible();
  });
});
