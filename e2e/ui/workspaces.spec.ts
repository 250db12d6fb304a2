import { expect, test } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage, WorkspacesPage } from "../fixtures/pages";

test.describe("console: workspaces", () => {
  test("a wrong password gets one clear message and no session", async ({ page }) => {
    await new LoginPage(page).signIn(world().admin.email, "wrong-password");
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("an admin signs in, creates a workspace and sees it in the list", async ({ page }) => {
    const { admin, orgId } = world();
    await new LoginPage(page).signIn(admin.email, admin.password);
    // Signing in lands on the last organization used, which other specs' organizations of the
    // same admin can have changed: any organization's list, then this one's.
    await expect(page).toHaveURL(/\/o\/org_[^/]+\/workspaces/);
    await page.goto(`/o/${orgId}/workspaces`);
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces`));
    const list = new WorkspacesPage(page);
    // Other specs add workspaces to the shared organization, so the seeded one can be past the
    // first page (newest first): find it by title.
    await page.getByRole("searchbox").fill("Board Room");
    await expect(list.table().getByRole("link", { name: "Board Room" })).toBeVisible();
    await page.getByRole("searchbox").fill("");
    await expect(page).not.toHaveURL(/q=/);

    const dialog = await list.create("Created From E2E", "made by Playwright");
    await expect(dialog).toBeHidden();
    await expect(list.table().getByRole("link", { name: "Created From E2E" })).toBeVisible();

    // A duplicate title is refused in place, and what the user typed stays.
    const again = await list.create("created from e2e");
    await expect(again.getByText(/already exists/i)).toBeVisible();
    await expect(again.getByLabel("Title")).toHaveValue("created from e2e");
    await page.keyboard.press("Escape");
    await expect(again).toBeHidden();

    await page.getByRole("searchbox").fill("e2e");
    await expect(list.table().getByRole("link", { name: "Created From E2E" })).toBeVisible();
    await expect(list.table().getByRole("link", { name: "Board Room" })).toHaveCount(0);
    await expect(page).toHaveURL(/q=e2e/);
  });

  test("a viewer sees only their workspace and cannot create or open others", async ({ page }) => {
    const { viewer, orgId, hiddenWorkspaceId } = world();
    await new LoginPage(page).signIn(viewer.email, viewer.password);
    const list = new WorkspacesPage(page);
    await list.goto(orgId);
    await expect(list.table().getByRole("link", { name: "Shared Research" })).toBeVisible();
    await expect(list.table().getByRole("link", { name: "Board Room" })).toHaveCount(0);
    await expect(list.newWorkspaceButton()).toBeDisabled();
    await expect(list.newWorkspaceButton()).toHaveAccessibleDescription("Only organization admins can create workspaces.");

    const res = await page.goto(`/o/${orgId}/workspaces/${hiddenWorkspaceId}`);
    expect(res?.status()).toBe(404);

    // The server refuses the same change when asked directly.
    const api = await page.request.post(`/api/v1/organizations/${orgId}/workspaces`, {
      headers: { authorization: `Bearer ${viewer.token}` },
      data: { title: "sneaky" },
    });
    expect(api.status()).toBe(403);
  });

  test("an outsider gets not found for another organization's console", async ({ page }) => {
    const { outsider, orgId } = world();
    await new LoginPage(page).signIn(outsider.email, outsider.password);
    const res = await page.goto(`/o/${orgId}/workspaces`);
    expect(res?.status()).toBe(404);
  });
});
