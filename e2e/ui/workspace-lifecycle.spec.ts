import { expect, test } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import {
  GeneralTab,
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
});
