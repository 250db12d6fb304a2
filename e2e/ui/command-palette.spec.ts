import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "../fixtures/audit";
import { hydrated } from "../fixtures/hydration";
import { LoginPage } from "../fixtures/pages";
import { world } from "../fixtures/world";

async function openWithKeyboard(page: Page) {
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  return palette;
}

test.describe("console: command palette", () => {
  test("an admin jumps to a workspace found on the server and runs New workspace, all by keyboard", async ({ page }) => {
    const { admin, orgId } = world();
    await new LoginPage(page).signIn(admin.email, admin.password);
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces`));
    await hydrated(page);

    let palette = await openWithKeyboard(page);
    await expectNoSeriousViolations(page, "command palette", '[role="dialog"]');
    await expect(palette.getByRole("option", { name: "New workspace…" })).toBeVisible();
    await page.keyboard.type("board ro");
    const option = palette.getByRole("option", { name: "Board Room" });
    await expect(option).toBeVisible();
    // The first option is selected; the workspace is the only match, so Enter opens it.
    await expect(palette.getByRole("option")).toHaveCount(1);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces/ws_[A-Za-z0-9]+/general$`));
    await expect(page.getByRole("heading", { level: 1, name: "Board Room" })).toBeVisible();
    await expect(palette).toBeHidden();

    palette = await openWithKeyboard(page);
    await page.keyboard.type("new workspace");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "New workspace" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces$`));
  });

  test("a workspace chosen in the palette says it is opening until its page arrives", async ({ page }) => {
    const { admin, orgId } = world();
    await new LoginPage(page).signIn(admin.email, admin.password);
    await expect(page).toHaveURL(new RegExp(`/o/${orgId}/workspaces`));
    await hydrated(page);
    await page.route(/\/general(\?|$)/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const palette = await openWithKeyboard(page);
    await page.keyboard.type("board ro");
    await expect(palette.getByRole("option", { name: "Board Room" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(palette).toBeHidden();
    const opening = page.getByRole("status").filter({ hasText: "Opening…" });
    await expect(opening).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Board Room" })).toBeVisible();
    await expect(opening).toHaveCount(0);
  });

  test("a viewer is offered no action they cannot perform and no workspace they cannot read; Escape gives focus back", async ({ page }) => {
    const { viewer, orgId } = world();
    await new LoginPage(page).signIn(viewer.email, viewer.password);
    await page.goto(`/o/${orgId}/workspaces`);
    await hydrated(page);
    const opener = page.getByRole("button", { name: /Search/ });
    await opener.click();
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await expect(palette.getByRole("option", { name: "Create an organization…" })).toBeVisible();
    await expect(palette.getByRole("option", { name: "New workspace…" })).toHaveCount(0);
    await expect(palette.getByRole("option", { name: "Bulk provision workspaces…" })).toHaveCount(0);
    await page.keyboard.type("Board Room");
    await expect(palette.getByText("Nothing matches “Board Room”.")).toBeVisible();
    await palette.getByRole("combobox").fill("Shared");
    await expect(palette.getByRole("option", { name: "Shared Research" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();
    await expect(opener).toBeFocused();
  });
});
