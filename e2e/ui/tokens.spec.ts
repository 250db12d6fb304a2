import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { hydrated } from "../fixtures/hydration";
import { api } from "../fixtures/member-pages";
import { choose } from "../fixtures/select";

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;

test.describe("console: personal access tokens and OAuth credentials", () => {
  test.slow();

  test("create a token, copy it, call the API with it, revoke it, and see the call refused", async ({ page, context, request }) => {
    const { admin, orgId } = world();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await new LoginPage(page).signIn(admin.email, admin.password);
    await page.goto(`/o/${orgId}/workspaces`);
    await hydrated(page);
    // Reachable from the user menu.
    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("link", { name: "Access tokens" }).click();
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await hydrated(page);

    const name = unique("E2E token");
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    // The admin owns organizations other specs created too; the first listed is not always this one.
    await choose(page, "Organization", "E2E Corp");
    await dialog.getByLabel("Full").check();
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(dialog.getByText("This is the only time the token is shown")).toBeVisible();
    const shown = await dialog.getByTestId("created-token").inputValue();
    expect(shown).toMatch(/^wsa_pat_[0-9A-Za-z]{38}$/);
    await dialog.getByRole("button", { name: "Copy" }).click();
    await expect(dialog.getByText("Copied to the clipboard.")).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    await dialog.getByRole("button", { name: "Done" }).click();

    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(shown.slice(0, 12));
    await expect(row).not.toContainText(shown);
    await expect(row).toContainText("E2E Corp");

    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${copied}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).email).toBe(admin.email);

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByText("Token revoked")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
    const refused = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${copied}` } });
    expect(refused.status()).toBe(401);
  });

  test("an admin adds a credential and sees it masked; a viewer sees no credential controls", async ({ page, browser }) => {
    const { admin, viewer, orgId, viewerWorkspaceId } = world();
    await new LoginPage(page).signIn(admin.email, admin.password);
    await page.goto(`/o/${orgId}/workspaces/${viewerWorkspaceId}/credentials`);
    await hydrated(page);
    const name = unique("crm");
    const secret = `cs_${randomBytes(18).toString("hex")}`;
    const opener = page.getByRole("button", { name: "Add credential" });
    await opener.click();
    const dialog = page.getByRole("dialog");
    // The actor type is a Radix select, focused first; the other fields are checked by the API's schema.
    const actor = dialog.getByRole("combobox", { name: "Actor type" });
    await expect(actor).toBeFocused();
    await choose(page, "Actor type", "service");
    await expect(actor).toHaveText("service");
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription(/Name is required/);
    await expect(dialog.getByLabel("Name")).toBeFocused();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Client ID").fill("client-e2e");
    await dialog.getByLabel("Client secret").fill(secret);
    await dialog.getByLabel(/Extra fields/).fill("{not json");
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(dialog.getByLabel(/Extra fields/)).toHaveAccessibleDescription(/not valid JSON/);
    await expect(dialog.getByLabel(/Extra fields/)).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel(/Extra fields/).fill('{"token_url": "https://idp.example/token"}');
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(page.getByText("Credential added")).toBeVisible();
    const item = page.locator("[data-testid^=credential-]").filter({ hasText: name });
    await expect(item).toContainText(`********${secret.slice(-4)}`);
    await expect(item).toContainText("https://idp.example/token");
    await expect(item).toContainText("service");
    await expect(opener).toBeFocused();

    // A second credential under the same name passes the browser's checks; the server refuses it
    // (ALREADY_EXISTS naming `name`) and the refusal is shown under Name, not above the form.
    await opener.click();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Client ID").fill("client-two");
    await dialog.getByLabel("Client secret").fill("another-secret");
    await dialog.getByRole("button", { name: "Add credential" }).click();
    await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription(/already has an OAuth credential named/);
    await expect(dialog.getByLabel("Name")).toBeFocused();
    await expect(dialog.getByRole("alert")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(opener).toBeFocused();
    await expect(page.locator("body")).not.toContainText(secret);
    const listed = await api<{ oauth_credentials: Array<{ name: string; configuration: Record<string, string> }> }>(
      page,
      admin.token,
      "GET",
      `/api/v1/organizations/${orgId}/workspaces/${viewerWorkspaceId}/oauth-credentials`,
    );
    expect(JSON.stringify(listed)).not.toContain(secret);

    const viewerContext = await browser.newContext();
    const viewerPage = await viewerContext.newPage();
    await new LoginPage(viewerPage).signIn(viewer.email, viewer.password);
    await viewerPage.goto(`/o/${orgId}/workspaces/${viewerWorkspaceId}/credentials`);
    await hydrated(viewerPage);
    await expect(viewerPage.getByText("You cannot see this workspace's credentials")).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: /add credential|rotate|delete/i })).toHaveCount(0);
    await expect(viewerPage.locator("body")).not.toContainText(name);
    await viewerContext.close();
  });
});
