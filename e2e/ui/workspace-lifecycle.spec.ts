import { expect, test } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { WorkspacesPage } from "../fixtures/pages";
import {
  GeneralTab,
  SettingsTab,
  WorkspaceDetailPage,
  createWorkspaceViaApi,
  patchWorkspaceViaApi,
  workspaceVerbViaApi,
} from "../fixtures/workspace-pages";

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

    // Someone else renames it while the form is open: saving is refused, not overwritten.
    const theirs = `${title} (theirs)`;
    await patchWorkspaceViaApi(page.request, admin.token, orgId, wsId, { title: theirs });
    await general.rename(`${title} (mine)`);
    await expect(general.alert()).toContainText("changed by someone else — reload");
    await general.alert().getByRole("button", { name: "Reload" }).click();
    await expect(general.title()).toHaveValue(theirs);
    await expect(detail.heading()).toHaveText(theirs);

    // Disabled after the form was loaded: the server's refusal is shown as it said it.
    await workspaceVerbViaApi(page.request, admin.token, orgId, wsId, "disable");
    await general.rename(`${title} (late)`);
    await expect(general.alert()).toContainText("is disabled; enable it before making changes");

    // Opened while disabled: the form is read-only and says why.
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
    await expect(page.getByRole("status").getByText("Changes saved")).toBeVisible();
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
    const { dialog, confirm } = await settings.startDelete(renamed.toUpperCase());
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(renamed);
    await confirm.click();
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces$`));
    await expect(page.getByRole("status").getByText("Workspace deleted")).toBeVisible();
    await expect(list.table().getByRole("link", { name: cloneTitle })).toBeVisible();
    await expect(list.table().getByRole("link", { name: renamed, exact: true })).toHaveCount(0);

    // Still reachable by its address, marked deleted, and restorable from Settings.
    await page.goto(`${wsUrl}/settings`);
    await expect(detail.stateBadge()).toHaveText("Deleted");
    await expect(page.getByText("This workspace is deleted.")).toBeVisible();
    await settings.restoreButton().click();
    await expect(page.getByRole("status").getByText("Workspace restored")).toBeVisible();
    await expect(detail.stateBadge()).toHaveText("Active");
  });
});
