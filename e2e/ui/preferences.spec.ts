import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "../fixtures/hydration";
import { world } from "../fixtures/world";
import { LoginPage } from "../fixtures/pages";
import { DEFAULT_DISPLAY, formatDateTime } from "../../lib/console/format";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createWorkspace(page: Page, token: string, orgId: string, title: string): Promise<{ id: string; createTime: string }> {
  const res = await page.request.post(`/api/v1/organizations/${orgId}/workspaces`, { headers: { authorization: `Bearer ${token}` }, data: { title } });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { workspace_id: string; create_time: string };
  return { id: body.workspace_id, createTime: body.create_time };
}

async function open(page: Page, orgId: string, wsId: string, tab: "preferences" | "activity" | "general") {
  await page.goto(`/o/${orgId}/workspaces/${wsId}/${tab}`);
  await hydrated(page);
}

const header = (page: Page) => page.getByTestId("workspace-created").locator("time");

test.describe("console: preferences", () => {
  test("changing the time zone and date format changes the workspace's dates; a reset inherits again; Activity shows the change", async ({ page }) => {
    // Five page loads and two saves: more than the default budget on a busy machine.
    test.setTimeout(90_000);
    const { admin, orgId } = world();
    const ws = await createWorkspace(page, admin.token, orgId, unique("Prefs E2E"));
    await new LoginPage(page).signIn(admin.email, admin.password);

    await open(page, orgId, ws.id, "preferences");
    const form = page.getByRole("form", { name: "Workspace preferences" });
    await expect(form).toBeVisible();
    // Unset fields say what they inherit.
    const inheritedZone = (await form.getByTestId("time_zone-inherited").innerText()).split(": ").pop()!.trim();
    const inheritedDate = await form.getByLabel("Date format").locator("option").first().innerText();
    expect(inheritedDate).toMatch(/^Inherit/);

    await form.getByLabel("Time zone").fill("Asia/Tokyo");
    await form.getByLabel("Date format").selectOption("DATE_FORMAT_DD_MMMM_YYYY");
    await expect(form.getByTestId("zone-local-time")).toContainText("GMT+9");
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByText("Preferences saved")).toBeVisible();

    const tokyo = { ...DEFAULT_DISPLAY, time_zone: "Asia/Tokyo", date_format: "DATE_FORMAT_DD_MMMM_YYYY" as const };
    await expect(header(page)).toHaveText(formatDateTime(new Date(ws.createTime), tokyo));
    await expect(form.getByTestId("time_zone-inherited")).toHaveCount(0);

    // The change on the Activity tab, its time in the workspace's zone, with before and after.
    await open(page, orgId, ws.id, "activity");
    const entry = page.getByTestId("activity-entry").filter({ hasText: "preferences.update" }).first();
    await expect(entry).toBeVisible();
    await expect(entry.locator("summary time")).toContainText("GMT+9");
    await entry.locator("summary").click();
    const zoneRow = entry.getByTestId("change-row").filter({ hasText: "general.time_zone" });
    await expect(zoneRow.locator("td").nth(0)).toHaveText("(unset)");
    await expect(zoneRow.locator("td").nth(1)).toHaveText("Asia/Tokyo");
    await expect(entry.getByTestId("change-row").filter({ hasText: "general.date_format" }).locator("td").nth(1)).toHaveText("DATE_FORMAT_DD_MMMM_YYYY");

    // Reset the zone to inherit: the header follows the inherited zone again, the date format stays.
    await open(page, orgId, ws.id, "preferences");
    await form.getByRole("button", { name: "Reset time zone to inherit" }).click();
    await expect(form.getByTestId("time_zone-inherited")).toContainText(inheritedZone);
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByText("Preferences saved").first()).toBeVisible();
    await expect(header(page)).toHaveText(formatDateTime(new Date(ws.createTime), { ...tokyo, time_zone: inheritedZone }));
    await expect(form.getByLabel("Time zone")).toHaveValue("");

    await open(page, orgId, ws.id, "activity");
    const entries = page.getByTestId("activity-entry").filter({ hasText: "preferences.update" });
    await expect(entries).toHaveCount(2);
    await entries.first().locator("summary").click();
    const resetRow = entries.first().getByTestId("change-row").filter({ hasText: "general.time_zone" });
    await expect(resetRow.locator("td").nth(0)).toHaveText("Asia/Tokyo");
    await expect(resetRow.locator("td").nth(1)).toHaveText("(unset)");
  });
});
