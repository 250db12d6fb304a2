import { expect, test } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { WorkspaceDetailPage, createWorkspaceViaApi } from "../fixtures/workspace-pages";

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
});
