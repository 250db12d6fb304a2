// Regression: a long user name pushed the header's items into each other — the user menu's name
// did not shrink, so it ran over the organization switcher and off the right edge.

import { expect, test, type Locator, type Page } from "@playwright/test";
import { hydrated } from "../fixtures/hydration";
import { api } from "../fixtures/member-pages";
import { LoginPage } from "../fixtures/pages";
import { newPerson } from "../fixtures/people";
import { world } from "../fixtures/world";

const LONG_NAME = `Maximiliana ${"Wolfeschlegelsteinhausenbergerdorff ".repeat(3)}`.trim().padEnd(120, "x");

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, `${locator} has a box`).not.toBeNull();
  return b!;
}

/** The header's items: none overlaps another, and all are inside the viewport. */
async function expectHeaderItemsApart(page: Page, width: number) {
  const items: [string, Locator][] = [
    ["home link", page.getByRole("link", { name: "Workspace Admin home" })],
    ["organization switcher", page.getByRole("button", { name: /^Organization:/ })],
    ["search", page.getByRole("button", { name: "Search" })],
    ["theme toggle", page.getByRole("button", { name: "Dark theme" })],
    ["user menu", page.getByRole("button", { name: /Account menu of/ })],
  ];
  const boxes = await Promise.all(items.map(async ([label, l]) => ({ label, b: await box(l) })));
  for (const { label, b } of boxes) {
    expect(b.x, `${label} starts inside the viewport at ${width}px`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${label} ends inside the viewport at ${width}px`).toBeLessThanOrEqual(width + 0.5);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, c] = [boxes[i], boxes[j]];
      const apart = a.b.x + a.b.width <= c.b.x + 0.5 || c.b.x + c.b.width <= a.b.x + 0.5 || a.b.y + a.b.height <= c.b.y + 0.5 || c.b.y + c.b.height <= a.b.y + 0.5;
      expect(apart, `${a.label} and ${c.label} overlap at ${width}px`).toBe(true);
    }
  }
}

test("a 120-character user name is cut in the header, overlaps nothing at 1440 and 375 px, and shows in full on hover and focus", async ({ page }) => {
  const { admin, orgId } = world();
  expect(LONG_NAME).toHaveLength(120);
  const person = newPerson("long-name", LONG_NAME);
  await api(page, admin.token, "POST", `/api/v1/organizations/${orgId}/users`, { email: person.email });

  await page.setViewportSize({ width: 1440, height: 900 });
  await new LoginPage(page).signIn(person.email, person.password);
  await page.goto(`/o/${orgId}/workspaces`);
  await hydrated(page);
  await expectHeaderItemsApart(page, 1440);
  const names = page.getByTestId("user-menu-names");
  await expect(names).toContainText(LONG_NAME);
  expect(await names.evaluate((el) => el.firstElementChild!.scrollWidth > el.firstElementChild!.clientWidth)).toBe(true);

  const menu = page.getByRole("button", { name: /Account menu of/ });
  await menu.hover();
  await expect(page.getByRole("tooltip")).toContainText(LONG_NAME);
  await page.mouse.move(0, 600);
  await expect(page.getByRole("tooltip")).toBeHidden();
  await menu.focus();
  await expect(page.getByRole("tooltip")).toContainText(`${LONG_NAME} (${person.email})`);
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await hydrated(page);
  await expectHeaderItemsApart(page, 375);
  // The account page's header carries the same menu.
  await page.goto("/settings/tokens");
  await hydrated(page);
  const accountMenu = await box(page.getByRole("button", { name: /Account menu of/ }));
  expect(accountMenu.x + accountMenu.width).toBeLessThanOrEqual(375.5);
});

// Regression (issue 14): a long organization title was cut on the organization switcher's button
// and shown whole only on hover (a `title` attribute), so a keyboard user could not read it.
test("a long organization title is cut on the switcher and shown whole on hover and on keyboard focus", async ({ page }) => {
  const { admin } = world();
  const title = `Northern Hemisphere Regional Operations and Logistics Coordination ${randomSuffix()}`;
  const org = await api<{ organization_id: string }>(page, admin.token, "POST", "/api/v1/organizations", { title });

  await page.setViewportSize({ width: 1440, height: 900 });
  await new LoginPage(page).signIn(admin.email, admin.password);
  await page.goto(`/o/${org.organization_id}/workspaces`);
  await hydrated(page);
  const switcher = page.getByRole("button", { name: /^Organization:/ });
  await expect(switcher).toContainText(title);
  expect(await switcher.locator(".truncate").evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await switcher.focus();
  await expect(page.getByRole("tooltip")).toHaveText(title);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();
  await page.getByRole("button", { name: "Search" }).focus();
  await expect(page.getByRole("tooltip")).toBeHidden();

  await switcher.hover();
  await expect(page.getByRole("tooltip")).toHaveText(title);
  await page.mouse.move(0, 600);
  await expect(page.getByRole("tooltip")).toBeHidden();

  // Opened, the menu is what shows; the tooltip stays away until it closes.
  await switcher.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await expect(page.getByRole("tooltip")).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(page.getByRole("button", { name: /^Organization:/ })).toBeFocused();
  await expect(page.getByRole("tooltip")).toHaveText(title);
});

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}
