import { expect, test } from "@playwright/test";
import { hydrated } from "../fixtures/hydration";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { WorkspacesPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import {
  GeneralTab,
  SettingsTab,
  WorkspaceListPage,
  WorkspaceDetailPage,
  createWorkspaceViaApi,
  patchWorkspaceViaApi,
  workspaceVerbViaApi,
} from "../fixtures/workspace-pages";
import { choose } from "../fixtures/select";
import { rewriteNextAction } from "../fixtures/server-action";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe("console: workspace lifecycle", () => {
  test("the workspace page opens on General with a header and a tab bar", async ({ page }) => {
    const { admin, orgId } = world();
    const title = unique("Header Check");
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, title);
    await new LoginPage(page).signIn(admin.email, admin.password);

    const detail = new WorkspaceDetailPage(page);
    await detail.goto(orgId, wsId);
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces/${wsId}/general$`));
    await expect(detail.heading()).toHaveText(title);
    await expect(detail.stateBadge()).toHaveText("Active");
    await expect(detail.tab("General")).toHaveAttribute("aria-current", "page");
    for (const name of ["Members", "Roles", "Settings"] as const) {
      await expect(detail.tab(name)).not.toHaveAttribute("aria-current", "page");
    }
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Workspaces" })).toHaveAttribute(
      "href",
      `/o/${orgId}/workspaces`,
    );
  });

  test("another organization's or an unknown workspace is not found", async ({ page }) => {
    const { outsider, orgId, hiddenWorkspaceId, otherOrgId } = world();
    await new LoginPage(page).signIn(outsider.email, outsider.password);
    expect((await page.goto(`/o/${orgId}/workspaces/${hiddenWorkspaceId}/general`))?.status()).toBe(404);
    expect((await page.goto(`/o/${otherOrgId}/workspaces/${hiddenWorkspaceId}/general`))?.status()).toBe(404);
    expect((await page.goto(`/o/${otherOrgId}/workspaces/ws_doesNotExist000000000000`))?.status()).toBe(404);
  });

  test("General saves with the etag: a concurrent change is not overwritten, a disabled workspace refuses edits", async ({ page }) => {
    const { admin, orgId } = world();
    const title = unique("Etag Check");
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, title);
    await new LoginPage(page).signIn(admin.email, admin.password);
    const detail = new WorkspaceDetailPage(page);
    const general = new GeneralTab(page);
    await detail.goto(orgId, wsId, "general");

    // Someone else renames it while the form is open: saving is refused, not overwritten, and
    // the other change is shown beside the user's.
    const theirs = `${title} (theirs)`;
    await patchWorkspaceViaApi(page.request, admin.token, orgId, wsId, { title: theirs });
    await general.rename(`${title} (mine)`);
    const conflict = general.form().getByRole("alert", { name: /Someone else changed this workspace/ });
    await expect(conflict.locator('tr[data-conflict-field="title"]')).toContainText(theirs);
    await expect(conflict.locator('tr[data-conflict-field="title"]')).toContainText(`${title} (mine)`);
    await conflict.getByRole("button", { name: "Use their version" }).click();
    await expect(general.title()).toHaveValue(theirs);
    await expect(detail.heading()).toHaveText(theirs);

    // Regression: a conflict used to offer only "Reload", which threw the user's edits away. Now
    // the user's change can be kept on top of the other one: their description survives.
    await patchWorkspaceViaApi(page.request, admin.token, orgId, wsId, { description: "Set by someone else" });
    await general.rename(`${title} (kept)`);
    await conflict.getByRole("button", { name: "Keep my changes" }).click();
    await expect(detail.heading()).toHaveText(`${title} (kept)`);
    await expect(general.title()).toHaveValue(`${title} (kept)`);
    await expect(general.form().getByLabel("Description")).toHaveValue("Set by someone else");

    // Disabled after the form was loaded: the server's refusal is shown as it said it.
    await workspaceVerbViaApi(page.request, admin.token, orgId, wsId, "disable");
    await general.rename(`${title} (late)`);
    await expect(general.alert()).toContainText("is disabled; enable it before making changes");

    // Opened while disabled: the form is read-only and says why. (The refused edit is still in
    // the form, so leaving asks first.)
    page.once("dialog", (d) => void d.accept());
    await page.reload();
    await expect(general.note()).toContainText("disabled");
    await expect(general.title()).toBeDisabled();
    await expect(general.saveButton()).toBeDisabled();
  });

  test("an admin creates, renames, disables, enables, clones, deletes and restores a workspace", async ({ page }) => {
    // One user journey through five screens and a dozen server round trips.
    test.setTimeout(120_000);
    const { admin, orgId } = world();
    const title = unique("Lifecycle");
    await new LoginPage(page).signIn(admin.email, admin.password);
    const list = new WorkspacesPage(page);
    await list.goto(orgId);
    await expect(await list.create(title, "made for the lifecycle test")).toBeHidden();
    await list.table().getByRole("link", { name: title }).click();

    const detail = new WorkspaceDetailPage(page);
    const general = new GeneralTab(page);
    const settings = new SettingsTab(page);
    await expect(page).toHaveURL(/\/general$/);
    const wsUrl = page.url().replace(/\/general$/, "");

    const renamed = `${title} renamed`;
    await general.rename(renamed);
    await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Changes saved")).toBeVisible();
    await expect(detail.heading()).toHaveText(renamed);

    await detail.tab("Settings").click();
    await expect(detail.tab("Settings")).toHaveAttribute("aria-current", "page");
    await settings.disable("Inactivity", "paused for the e2e test");
    await expect(detail.stateBadge()).toHaveText("Disabled");
    await expect(settings.history()).toContainText("paused for the e2e test");
    await expect(settings.history()).toContainText("Inactivity");

    await detail.tab("General").click();
    await expect(general.note()).toContainText("disabled, so its details are read-only");
    await expect(general.title()).toBeDisabled();
    await expect(general.saveButton()).toBeDisabled();

    await detail.tab("Settings").click();
    await settings.enable("back to work");
    await expect(detail.stateBadge()).toHaveText("Active");

    const cloneTitle = `${title} clone`;
    await settings.clone(cloneTitle, true);
    await expect(page).toHaveURL(/\/workspaces\/ws_[0-9A-Za-z]+\/general$/);
    await expect(detail.heading()).toHaveText(cloneTitle);
    expect(page.url()).not.toContain(wsUrl);
    await list.goto(orgId);
    await expect(list.table().getByRole("link", { name: cloneTitle })).toBeVisible();

    // Delete: the confirm button waits for the exact title.
    await page.goto(`${wsUrl}/settings`);
    await hydrated(page);
    const { dialog, confirm } = await settings.startDelete(renamed.toUpperCase());
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(renamed);
    await confirm.click();
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces$`));
    await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Workspace deleted")).toBeVisible();
    await expect(list.table().getByRole("link", { name: cloneTitle })).toBeVisible();
    await expect(list.table().getByRole("link", { name: renamed, exact: true })).toHaveCount(0);

    // Found again under "Show deleted" (held in the URL), and restored from there.
    const rows = new WorkspaceListPage(page);
    await rows.goto(orgId, { q: title });
    await expect(rows.row(renamed)).toHaveCount(0);
    await rows.showDeletedSwitch().check();
    await expect(page).toHaveURL(/show_deleted=true/);
    await expect(rows.row(renamed).getByText("Deleted")).toBeVisible();
    await expect(rows.restoreButton(cloneTitle)).toHaveCount(0);
    await rows.restoreButton(renamed).click();
    await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Workspace restored")).toBeVisible();
    await expect(rows.row(renamed).getByText("Active")).toBeVisible();
    await rows.showDeletedSwitch().uncheck();
    await expect(page).not.toHaveURL(/show_deleted/);
    await expect(rows.row(renamed)).toBeVisible();
  });

  test("Clone and Disable put the server's field refusals under their fields, and keep the dialog open", async ({ page }) => {
    const { admin, orgId } = world();
    const title = unique("Refusals");
    const taken = unique("Taken Title");
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, title);
    await createWorkspaceViaApi(page.request, admin.token, orgId, taken);
    await new LoginPage(page).signIn(admin.email, admin.password);
    await new WorkspaceDetailPage(page).goto(orgId, wsId, "settings");
    const settings = new SettingsTab(page);

    // A title another workspace holds passes the browser's checks; the server's ALREADY_EXISTS
    // names the title, and the form shows it there (focused), not above the form.
    const clone = await settings.openDialog("Clone workspace", "Clone workspace");
    const newTitle = clone.getByLabel("New title");
    await expect(newTitle).toBeFocused();
    await newTitle.fill(taken);
    await clone.getByRole("button", { name: "Clone workspace" }).click();
    await expect(newTitle).toHaveAttribute("aria-invalid", "true");
    await expect(newTitle).toHaveAccessibleDescription(/already exists in this organization/);
    await expect(newTitle).toBeFocused();
    await expect(clone.getByRole("alert")).toHaveCount(0);
    // The browser's own check (the API's schema) speaks the same way, before anything is sent.
    await newTitle.fill("   ");
    await clone.getByRole("button", { name: "Clone workspace" }).click();
    await expect(newTitle).toHaveAccessibleDescription(/Title is required/);
    await page.keyboard.press("Escape");
    await expect(clone).toBeHidden();
    await expect(settings.zone().getByRole("button", { name: "Clone workspace" })).toBeFocused();

    // A comment the server refuses (a bidirectional override, slipped into the request after the
    // browser's check) comes back as a violation of `comment`, shown under Comment.
    const disable = await settings.openDialog("Disable workspace", "Disable workspace");
    await expect(disable.getByRole("combobox", { name: "Reason" })).toBeFocused();
    await choose(page, "Reason", "Inactivity");
    await expect(disable.getByRole("combobox", { name: "Reason" })).toHaveText("Inactivity");
    await disable.getByLabel("Comment").fill("quiet for now");
    await rewriteNextAction(page, (args) => {
      const body = args[2] as { comment?: string } | undefined;
      return body?.comment === "quiet for now" ? [args[0], args[1], { ...body, comment: "\u202Equiet" }] : undefined;
    });
    await disable.getByRole("button", { name: "Disable workspace" }).click();
    await expect(disable.getByLabel("Comment")).toHaveAttribute("aria-invalid", "true");
    await expect(disable.getByLabel("Comment")).toHaveAccessibleDescription(/Comment must not contain the bidirectional control character U\+202E/);
    await expect(new WorkspaceDetailPage(page).stateBadge()).toHaveText("Active");
  });

  test("a deleted workspace stays reachable by its address, marked deleted, and is restored from Settings", async ({ page }) => {
    const { admin, orgId } = world();
    const title = unique("Restore Me");
    const wsId = await createWorkspaceViaApi(page.request, admin.token, orgId, title);
    const del = await page.request.delete(`/api/v1/organizations/${orgId}/workspaces/${wsId}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(del.status()).toBe(204);
    await new LoginPage(page).signIn(admin.email, admin.password);

    const detail = new WorkspaceDetailPage(page);
    const general = new GeneralTab(page);
    const settings = new SettingsTab(page);
    await detail.goto(orgId, wsId, "general");
    await expect(detail.stateBadge()).toHaveText("Deleted");
    await expect(page.getByText("This workspace is deleted.", { exact: true })).toBeVisible();
    await expect(general.title()).toBeDisabled();
    await detail.tab("Settings").click();
    await settings.restoreButton().click();
    await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Workspace restored")).toBeVisible();
    await expect(detail.stateBadge()).toHaveText("Active");
    await expect(page.getByText("This workspace is deleted.", { exact: true })).toHaveCount(0);
  });

  test("bulk provisioning from a CSV file creates every row, with the listed members", async ({ page }) => {
    const { admin, orgId } = world();
    const ann = newPerson("bulk-ann", "Ann Bulk");
    const bob = newPerson("bulk-bob", "Bob Bulk");
    for (const p of [ann, bob]) {
      const res = await page.request.post(`/api/v1/organizations/${orgId}/users`, {
        headers: { authorization: `Bearer ${admin.token}` },
        data: { email: p.email },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    const prefix = unique("Bulk");
    const titles = [`${prefix} Alpha`, `${prefix} Beta, Inc`, `${prefix} Gamma`];
    // Quoted commas, an escaped quote, a CRLF file: the parser has to get all of them right.
    const csv = [
      "title,description,members",
      `${titles[0]},No members yet,`,
      `"${titles[1]}","Sales, ""EMEA""",${ann.email}`,
      `${titles[2]},Two people,${ann.email}; ${bob.email}`,
    ].join("\r\n");

    await new LoginPage(page).signIn(admin.email, admin.password);
    const list = new WorkspaceListPage(page);
    await list.goto(orgId, { q: prefix });
    const bulk = await list.openBulk();
    await expect(bulk.dialog.getByText("title,description,members").first()).toBeVisible();
    await bulk.upload("teams.csv", csv);
    // The role for listed members is a Radix select.
    await choose(page, "Role for listed members", "Workspace Editor");
    await expect(bulk.dialog.getByRole("combobox", { name: "Role for listed members" })).toHaveText("Workspace Editor");
    await expect(bulk.previewRow(2)).toContainText(titles[1]);
    await expect(bulk.previewRow(2)).toContainText('Sales, "EMEA"');
    await expect(bulk.previewRow(3)).toContainText(bob.email);
    for (const n of [1, 2, 3]) await expect(bulk.previewRow(n)).toContainText("Ready");
    // Nothing exists before the user confirms.
    await expect(list.table().getByRole("link", { name: titles[0] })).toHaveCount(0);

    await bulk.createButton().click();
    await expect(bulk.dialog).toBeHidden();
    await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("3 workspaces created")).toBeVisible();
    for (const t of titles) await expect(list.row(t)).toBeVisible();

    // Counts come from one countUsers call: the creator (plus any org admins) in each, and the listed people.
    await expect(list.memberCount(titles[0])).toHaveText(/^\d+$/);
    const base = Number(await list.memberCount(titles[0]).textContent());
    expect(base).toBeGreaterThanOrEqual(1);
    await expect(list.memberCount(titles[1])).toHaveText(String(base + 1));
    await expect(list.memberCount(titles[2])).toHaveText(String(base + 2));
    const href = await list.row(titles[1]).getByRole("link", { name: titles[1] }).getAttribute("href");
    const wsId = /\/workspaces\/([^/?]+)/.exec(href ?? "")?.[1];
    const users = await page.request.get(`/api/v1/organizations/${orgId}/workspaces/${wsId}/users?filter=${encodeURIComponent("role_scope = workspace")}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const listed = ((await users.json()) as { users: Array<{ user: { email: string }; roles: Array<{ name: string; role_scope: string }> }> }).users;
    const annRoles = listed.find((u) => u.user.email === ann.email)?.roles.filter((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE");
    expect(annRoles?.map((r) => r.name)).toEqual(["workspace-editor"]);
  });

  test("bulk provisioning shows per-row errors and creates nothing while any row is bad", async ({ page }) => {
    const { admin, orgId } = world();
    const prefix = unique("BulkBad");
    const existing = `${prefix} Existing`;
    await createWorkspaceViaApi(page.request, admin.token, orgId, existing);
    await new LoginPage(page).signIn(admin.email, admin.password);
    const list = new WorkspaceListPage(page);
    await list.goto(orgId, { q: prefix });
    const bulk = await list.openBulk();

    // Text that is not CSV (an unterminated quote) is said with the line it starts on.
    await bulk.paste(["title,description,members", `${prefix} One,"never closed`].join("\n"));
    await expect(bulk.dialog.getByRole("alert")).toContainText("A quoted field that starts on line 2 is never closed.");
    await expect(bulk.createButton()).toBeDisabled();

    // Checked in the browser: a bad email and a repeated title, each on its row.
    await bulk.paste(
      ["title,description,members", `${prefix} One,,`, `${prefix} Two,,not-an-email`, `${prefix.toUpperCase()} ONE,,`].join("\n"),
    );
    await expect(bulk.previewRow(1)).toContainText("Ready");
    await expect(bulk.previewRow(2)).toContainText("“not-an-email” is not a valid email address.");
    await expect(bulk.previewRow(3)).toContainText("Repeats the title of row 1");
    await expect(bulk.createButton()).toBeDisabled();

    // Regression: a title already taken in the organization showed "Ready" and failed only on
    // Create. The server's validate_only verdict now marks it on its row before anything is sent
    // for real, and says which listed people would be invited.
    await bulk.paste(["title,description,members", `${prefix} One,,`, `${existing},,`, `${prefix} Three,,newcomer@invitee.example`].join("\n"));
    await expect(bulk.previewRow(2)).toContainText(`A workspace titled "${existing}" already exists`);
    await expect(bulk.previewRow(1)).toContainText("Ready");
    await expect(bulk.previewRow(3)).toContainText("(invite)");
    await expect(bulk.dialog.getByText("The server would refuse a row; fix it to continue.")).toBeVisible();
    await expect(bulk.createButton()).toBeDisabled();

    // A title taken between the preview and Create is still refused by the real call, on its row.
    await bulk.paste(["title,description,members", `${prefix} One,,`, `${prefix} Late,,`, `${prefix} Three,,`].join("\n"));
    for (const n of [1, 2, 3]) await expect(bulk.previewRow(n)).toContainText("Ready");
    await createWorkspaceViaApi(page.request, admin.token, orgId, `${prefix} Late`);
    await expect(bulk.createButton()).toHaveText("Create 3 workspaces");
    await bulk.createButton().click();
    await expect(bulk.previewRow(2)).toContainText(/already exists/);
    await expect(bulk.dialog.getByRole("alert")).toContainText("Nothing was created");
    await expect(bulk.createButton()).toBeDisabled();
    await page.keyboard.press("Escape");
    await expect(bulk.dialog).toBeHidden();

    // All or nothing: the good rows were not created either.
    await list.goto(orgId, { q: prefix });
    await expect(list.row(existing)).toBeVisible();
    await expect(list.row(`${prefix} One`)).toHaveCount(0);
    await expect(list.row(`${prefix} Three`)).toHaveCount(0);
    await expect(list.row(`${prefix} Late`)).toBeVisible();
  });

  test("a workspace viewer sees General and Settings read-only, each control naming its permission", async ({ page }) => {
    const { viewer, orgId, viewerWorkspaceId } = world();
    await new LoginPage(page).signIn(viewer.email, viewer.password);
    const detail = new WorkspaceDetailPage(page);
    const general = new GeneralTab(page);
    await detail.goto(orgId, viewerWorkspaceId, "general");
    await expect(general.note()).toContainText("update:Workspace");
    await expect(general.title()).toBeDisabled();
    await expect(general.saveButton()).toHaveAttribute("aria-disabled", "true");
    await expect(general.saveButton()).toHaveAccessibleDescription("Only workspace admins and editors can change this workspace's details.");

    await detail.tab("Settings").click();
    const zone = new SettingsTab(page).zone();
    for (const [button, reason] of [
      ["Disable workspace", "Only workspace admins can disable or enable this workspace."],
      ["Clone workspace", "Only workspace admins can clone this workspace."],
      ["Delete workspace", "Only workspace admins can delete or restore this workspace."],
    ] as const) {
      await expect(zone.getByRole("button", { name: button })).toHaveAttribute("aria-disabled", "true");
      await expect(zone.getByRole("button", { name: button })).toHaveAccessibleDescription(reason);
    }
    // The reason is reachable by keyboard: focusing the button shows it as a tooltip.
    await zone.getByRole("button", { name: "Clone workspace" }).focus();
    await expect(page.getByRole("tooltip", { name: "Only workspace admins can clone this workspace." })).toBeVisible();
    // A gated button stays focusable (so its tooltip is reachable) but activating it opens nothing.
    await zone.getByRole("button", { name: "Delete workspace" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
});
