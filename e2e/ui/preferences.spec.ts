import { expect, test, type Page } from "@playwright/test";
import { auditBothThemes } from "../fixtures/audit";
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
    const inheritedDate = await form.getByLabel("Date format", { exact: true }).locator("option").first().innerText();
    expect(inheritedDate).toMatch(/^Inherit/);

    // The zone is picked in the searchable combobox: typing filters it, each option shows the
    // local time there, Enter takes the highlighted match.
    const zone = form.getByRole("combobox", { name: "Time zone" });
    await zone.fill("tokyo");
    const listbox = page.getByRole("listbox", { name: "Time zone" });
    const option = listbox.getByRole("option", { name: /^Asia\/Tokyo/ });
    await expect(option).toBeVisible();
    await expect(option).toContainText("GMT+9");
    await expect(listbox.getByRole("option")).toHaveCount(1);
    await auditBothThemes(page, "preferences with the time-zone list open", '[data-testid="preferences-form"]');
    await zone.press("Enter");
    await expect(zone).toHaveValue("Asia/Tokyo");
    await expect(listbox).toBeHidden();
    await form.getByLabel("Date format", { exact: true }).selectOption("DATE_FORMAT_DD_MMMM_YYYY");
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
    // The list's dates follow the workspace's zone and date format as the header does.
    const entryTime = entry.locator("summary time");
    await expect(entryTime).toHaveText(formatDateTime(new Date((await entryTime.getAttribute("datetime"))!), tokyo));
    await entry.locator("summary").click();
    const zoneRow = entry.getByTestId("change-row").filter({ hasText: "general.time_zone" });
    await expect(zoneRow.locator("td").nth(0)).toHaveText("(unset)");
    await expect(zoneRow.locator("td").nth(1)).toHaveText("Asia/Tokyo");
    await expect(entry.getByTestId("change-row").filter({ hasText: "general.date_format" }).locator("td").nth(1)).toHaveText("DATE_FORMAT_DD_MMMM_YYYY");

    // Reset the zone to inherit: the header follows the inherited zone again, the date format stays.
    await open(page, orgId, ws.id, "preferences");
    await form.getByRole("button", { name: /^Reset to inherit\W+time zone$/ }).click();
    await expect(form.getByTestId("time_zone-inherited")).toContainText(inheritedZone);
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByText("Preferences saved").first()).toBeVisible();
    await expect(header(page)).toHaveText(formatDateTime(new Date(ws.createTime), { ...tokyo, time_zone: inheritedZone }));
    await expect(form.getByRole("combobox", { name: "Time zone" })).toHaveValue("");

    await open(page, orgId, ws.id, "activity");
    const entries = page.getByTestId("activity-entry").filter({ hasText: "preferences.update" });
    await expect(entries).toHaveCount(2);
    await entries.first().locator("summary").click();
    const resetRow = entries.first().getByTestId("change-row").filter({ hasText: "general.time_zone" });
    await expect(resetRow.locator("td").nth(0)).toHaveText("Asia/Tokyo");
    await expect(resetRow.locator("td").nth(1)).toHaveText("(unset)");
  });

  test("a save that meets another change shows both side by side, and keeps the user's on top of it", async ({ page }) => {
    test.setTimeout(60_000);
    const { admin, orgId } = world();
    const ws = await createWorkspace(page, admin.token, orgId, unique("Prefs Conflict"));
    await new LoginPage(page).signIn(admin.email, admin.password);
    await open(page, orgId, ws.id, "preferences");
    const form = page.getByRole("form", { name: "Workspace preferences" });
    await form.getByLabel("Decimal places", { exact: true }).selectOption("4");

    // Meanwhile someone else changes the date format.
    const api = `/api/v1/organizations/${orgId}/workspaces/${ws.id}/preferences`;
    const auth = { authorization: `Bearer ${admin.token}` };
    const other = await page.request.patch(`${api}?update_mask=general.date_format`, { headers: auth, data: { general: { date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" } } });
    expect(other.status(), await other.text()).toBe(200);

    await form.getByRole("button", { name: "Save preferences" }).click();
    const conflict = form.getByRole("alert", { name: /Someone else changed these preferences/ });
    await expect(conflict).toBeVisible();
    const dateRow = conflict.locator('[data-conflict-field="date_format"]');
    await expect(dateRow.locator("td").nth(0)).not.toHaveText("Inherit");
    // The user left the date format alone: their side says so.
    await expect(dateRow.locator("td").nth(1)).toHaveText("Inherit (unchanged)");
    await expect(conflict.locator('[data-conflict-field="decimal_places"] td').nth(1)).toHaveText(/^4 /);

    await conflict.getByRole("button", { name: "Keep my changes" }).click();
    await expect(page.getByText("Preferences saved")).toBeVisible();
    const saved = (await (await page.request.get(api, { headers: auth })).json()) as { general: Record<string, unknown> };
    expect(saved.general).toMatchObject({ date_format: "DATE_FORMAT_DD_MM_YYYY_DOT", decimal_places: 4 });
  });

  test("unsaved edits are guarded when another tab is clicked, and discarded edits are not", async ({ page }) => {
    const { admin, orgId } = world();
    const ws = await createWorkspace(page, admin.token, orgId, unique("Prefs Guard"));
    await new LoginPage(page).signIn(admin.email, admin.password);
    await open(page, orgId, ws.id, "preferences");
    const form = page.getByRole("form", { name: "Workspace preferences" });
    await form.getByLabel("Time format", { exact: true }).selectOption("TIME_FORMAT_12_HOUR");
    await expect(form.getByText("You have unsaved changes.")).toBeVisible();

    const dialogs: string[] = [];
    page.once("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Activity" }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/unsaved changes/);
    await expect(page).toHaveURL(/\/preferences$/);
    await expect(form.getByLabel("Time format", { exact: true })).toHaveValue("TIME_FORMAT_12_HOUR");

    await form.getByRole("button", { name: "Discard" }).click();
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Activity" }).click();
    await expect(page).toHaveURL(/\/activity$/);
    expect(dialogs).toHaveLength(1);
  });
});
