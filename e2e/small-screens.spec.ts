import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test, type Role } from "./fixtures";
import { CustomersPage } from "./pages/customers-page";
import { OverviewPage } from "./pages/overview-page";
import { UploadWizardPage } from "./pages/upload-wizard-page";
import { appPages } from "./support/app-routes";
import { expectAccessible } from "./support/axe";
import { expectFitsPhone, phone, PHONE_WIDTH } from "./support/phone-layout";

/**
 * Every page on a phone (390 × 844, mobile emulation in Chromium), for each
 * role that can open it: nothing is wider than the screen, and the header
 * folds into a menu.
 */

test.use(phone);

const ROLES: Role[] = ["viewer", "staff", "admin"];
const RANK: Record<Role, number> = { viewer: 0, staff: 1, manager: 2, admin: 3 };

interface PhonePage {
  /** The least role that may open the page. */
  role: Role;
  /** Goes to the page and waits for its content, so the layout measured is the finished one. */
  open: (page: Page, api: APIRequestContext) => Promise<void>;
}

const h1 = (page: Page, name: string) => expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

async function customerWithSightings(api: APIRequestContext): Promise<string> {
  const response = await api.get("/api/recapture/customers?limit=100");
  const { customers } = (await response.json()) as { customers: { id: string; sightings: unknown[] }[] };
  const customer = customers.find(({ sightings }) => sightings.length > 0);
  expect(customer, "a demo customer with sightings").toBeDefined();
  return customer!.id;
}

async function firstUpload(api: APIRequestContext): Promise<string> {
  const response = await api.get("/api/uploads");
  const { uploads } = (await response.json()) as { uploads: { id: string }[] };
  expect(uploads.length, "demo uploads in the register").toBeGreaterThan(0);
  return uploads[0]!.id;
}

async function firstLead(api: APIRequestContext): Promise<number> {
  const response = await api.get("/api/leads");
  const { leads } = (await response.json()) as { leads: { key: number }[] };
  expect(leads.length, "leads from the demo customers' sightings").toBeGreaterThan(0);
  return leads[0]!.key;
}

/** An email in the outbox: a lead assigned to the demo salesperson by someone else. */
async function outboxMessage(page: Page, api: APIRequestContext): Promise<string> {
  const { assignees } = (await (await api.get("/api/leads/assignees")).json()) as {
    assignees: { id: number; name: string }[];
  };
  const staff = assignees.find(({ name }) => name === "Demo Staff");
  expect(staff, "the demo salesperson among the assignees").toBeDefined();
  const lead = await firstLead(api);
  await api.post(`/api/leads/${lead}/assignment`, { data: { userId: null } });
  expect((await api.post(`/api/leads/${lead}/assignment`, { data: { userId: staff!.id } })).ok()).toBe(true);
  await page.goto("/settings/outbox");
  const href = await page.locator('a[href^="/settings/outbox/"]').first().getAttribute("href");
  expect(href, "a message in the outbox").toBeTruthy();
  return href!;
}

/** Each signed-in page, by its path in app/ as support/app-routes.ts lists it. */
const pages: Record<string, PhonePage> = {
  "/": {
    role: "viewer",
    open: async (page) => {
      await new OverviewPage(page).goto();
    },
  },
  "/leads": {
    role: "viewer",
    open: async (page) => {
      await page.goto("/leads");
      await h1(page, "Leads");
      await expect(page.getByTestId("leads-total")).not.toBeEmpty();
    },
  },
  "/leads/1": {
    role: "viewer",
    open: async (page, api) => {
      await page.goto(`/leads/${await firstLead(api)}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    },
  },
  "/customers": {
    role: "viewer",
    open: (page) => new CustomersPage(page).goto(),
  },
  "/customers/1": {
    role: "viewer",
    open: async (page, api) => {
      await page.goto(`/customers/${await customerWithSightings(api)}`);
      await expect(page.getByRole("table", { name: /^Sightings of/ })).toBeVisible();
    },
  },
  "/customers/new": {
    role: "staff",
    open: async (page) => {
      await page.goto("/customers/new");
      await h1(page, "New customer");
    },
  },
  "/uploads": {
    role: "viewer",
    open: async (page) => {
      await page.goto("/uploads");
      await expect(page.getByRole("table", { name: "Uploads, newest first" })).toHaveAttribute(
        "aria-busy",
        "false",
      );
    },
  },
  "/uploads/1": {
    role: "viewer",
    open: async (page, api) => {
      await page.goto(`/uploads/${await firstUpload(api)}`);
      await expect(page.getByRole("progressbar")).toBeVisible();
    },
  },
  "/uploads/new": {
    role: "staff",
    open: (page) => new UploadWizardPage(page).goto(),
  },
  "/settings/users": {
    role: "admin",
    open: async (page) => {
      await page.goto("/settings/users");
      await h1(page, "Users");
      await expect(page.getByRole("table")).toBeVisible();
    },
  },
  "/settings/notifications": {
    role: "viewer",
    open: async (page) => {
      await page.goto("/settings/notifications");
      await h1(page, "Notifications");
    },
  },
  "/settings/outbox": {
    role: "admin",
    open: async (page) => {
      await page.goto("/settings/outbox");
      await h1(page, "Outbox");
    },
  },
  "/settings/outbox/1": {
    role: "admin",
    open: async (page, api) => {
      await page.goto(await outboxMessage(page, api));
      // Whichever message is newest (a digest another spec drove to a later clock may be): its subject heads the page.
      await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
      await expect(page.getByRole("link", { name: "← Outbox" })).toBeVisible();
    },
  },
  "/settings/audit": {
    role: "admin",
    open: async (page) => {
      await page.goto("/settings/audit");
      await h1(page, "Audit log");
    },
  },
};

/** Scrolls a sideways-scrolling box to its right end, and checks it moved. */
async function scrollToRightEnd(scroller: Locator) {
  const scrolled = await scroller.evaluate((element) => {
    element.scrollLeft = element.scrollWidth;
    return element.scrollLeft;
  });
  expect(scrolled, "the box scrolled sideways").toBeGreaterThan(0);
}

/** On screen and on top: what is at the element's centre is the element, not something scrolled over it. */
async function expectUncovered(target: Locator, what: string) {
  const seen = await target.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const atCentre = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return { onTop: atCentre !== null && element.contains(atCentre), left: rect.left, right: rect.right };
  });
  expect(seen.onTop, `${what} is on top at its centre`).toBe(true);
  expect(seen.left, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(seen.right, `${what}: right edge`).toBeLessThanOrEqual(PHONE_WIDTH);
}

test("every page of the app has a phone check", () => {
  expect(appPages()).toEqual(["/sign-in", ...Object.keys(pages)].sort());
});

test("the sign-in page fits a phone", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectFitsPhone(page, "signed out sign-in");
});

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ role });

    for (const [path, { role: least, open }] of Object.entries(pages)) {
      if (RANK[role] < RANK[least]) continue;
      test(`${path} fits a phone`, async ({ page, api }) => {
        await open(page, api);
        await expectFitsPhone(page, `${role} ${path}`);
      });
    }

    test("the header folds into a menu that fits, passes axe and closes with Escape", async ({ page }) => {
      await page.goto("/uploads");
      // While the menu is open the page behind it, the Menu button too, is hidden from assistive technology.
      const menuButton = page.getByRole("button", { name: "Menu", exact: true, includeHidden: true });
      await expect(menuButton).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

      await menuButton.click();
      await expect(menuButton).toHaveAttribute("aria-expanded", "true");
      const menu = page.locator(`[id="${await menuButton.getAttribute("aria-controls")}"]`);
      await expect(menu).toBeVisible();
      await expect(menu.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(menu.getByText(`${role}@demo.local`)).toBeVisible();
      await expect(menu.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expect(menu.getByRole("link", { name: "Uploads", exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await expect(menu.getByRole("link", { name: "Audit log" })).toHaveCount(role === "admin" ? 1 : 0);
      await expect(menu.getByRole("button", { name: "Close menu" })).toBeFocused();
      await expectFitsPhone(page, `${role} menu open`);
      await expectAccessible(page, "the open menu");

      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(menuButton).toHaveAttribute("aria-expanded", "false");
      await expect(menuButton).toBeFocused();

      // Following a link closes the menu on the new page.
      await menuButton.click();
      await menu.getByRole("link", { name: "Customers" }).click();
      await expect(page).toHaveURL(/\/customers$/);
      await expect(menu).toBeHidden();
      await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    });
  });
}

test.describe("as staff, in the upload wizard", () => {
  test.use({ role: "staff" });

  test("each step fits a phone", async ({ page }) => {
    const wizard = new UploadWizardPage(page);
    await wizard.goto();
    // Two report-title lines above the header: the header-row step's preview is as wide as it gets.
    await wizard.pick("title-line.csv");
    await wizard.expectStep("Check the header row");
    const preview = page.getByRole("group", { name: "Which line holds the column names?" });
    await scrollToRightEnd(preview.locator("div").first());
    await expectUncovered(preview.getByRole("radio", { checked: true }), "the chosen line's radio, scrolled");
    await expectUncovered(preview.getByRole("radio").first(), "the first line's radio, scrolled");
    for (const [heading, next] of [
      ["Check the header row", "Continue to columns"],
      ["Match the columns", "Check the rows"],
      ["Upload settings", "Review the rows"],
      ["Review the rows", /^Continue with/],
      ["Send the upload", undefined],
    ] as const) {
      await wizard.expectStep(heading);
      await expectFitsPhone(page, `staff wizard ${heading}`);
      if (next) await wizard.button(next).click();
    }
  });
});

test.describe("as staff, open rows and forms", () => {
  test.use({ role: "staff" });

  test("the customers table scrolls sideways with the rego and the open sightings kept in view", async ({
    page,
  }) => {
    const customers = new CustomersPage(page);
    await customers.goto();
    await page
      .getByRole("button", { name: /^Show sightings of/ })
      .first()
      .click();
    const sightings = customers.table.getByRole("table", { name: /^Sightings of/ });
    await expect(sightings).toBeVisible();
    await expectFitsPhone(page, "staff customers with sightings open");

    await scrollToRightEnd(customers.table.locator("xpath=.."));
    await expectUncovered(customers.rows.first().getByRole("link"), "the first rego, scrolled");
    // Newest sighting first, the first customer's open sightings can fill the screen: bring the next row up.
    await customers.rows
      .nth(1)
      .evaluate((row) => window.scrollTo(0, window.scrollY + row.getBoundingClientRect().top - 200));
    await expectUncovered(customers.rows.nth(1).getByRole("link"), "the second rego, scrolled");
    await sightings.evaluate((table) =>
      window.scrollTo(0, window.scrollY + table.getBoundingClientRect().top - 200),
    );
    await expectUncovered(sightings.getByRole("columnheader", { name: "Seen" }), "the sightings, scrolled");
    await expectFitsPhone(page, "staff customers scrolled sideways");
  });

  test("a customer's edit form fits a phone", async ({ page, api }) => {
    await page.goto(`/customers/${await customerWithSightings(api)}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(page.getByRole("form", { name: "Edit customer" })).toBeVisible();
    await expectFitsPhone(page, "staff customer edit form");
  });
});
