import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/axe";
import { listACarToday } from "./support/lead-news";
import { expectFitsPhone, phone } from "./support/phone-layout";

/**
 * Working a lead on its page: a manager assigns it, the salesperson (a second
 * browser, signed in as staff) marks it Contacted with a note and later Won,
 * and its history shows each step; someone else's lead is refused; a viewer
 * reads only.
 *
 * Needs leads to exist: the start-up sync records the demo customers'
 * sightings as leads (those listed more than 14 days before it, most of
 * them, as Dismissed history), and GET /api/leads (the inbox's list) finds
 * one still New and assigned to nobody for each test (or a car listed today).
 */

interface LeadRow {
  key: number;
}

async function freshLead(api: APIRequestContext): Promise<number> {
  // The demo's recent sightings are New; when other tests have worked them all, a car listed today is.
  for (const listCar of [false, true]) {
    if (listCar) await listACarToday(api);
    const response = await api.get("/api/leads?status=new&assignee=nobody&size=100");
    expect(response.ok(), "GET /api/leads (the inbox's list)").toBe(true);
    const { leads } = (await response.json()) as { leads: LeadRow[] };
    for (const { key } of leads) {
      const detail = await (await api.get(`/api/leads/${key}`)).json();
      if (detail.lead.status === "new" && detail.lead.assignee === null) return key;
    }
  }
  throw new Error("No lead is New and assigned to nobody, even after a car was listed today");
}

async function assigneeId(api: APIRequestContext, name: string): Promise<number> {
  const { assignees } = (await (await api.get("/api/leads/assignees")).json()) as {
    assignees: { id: number; name: string }[];
  };
  const found = assignees.find((person) => person.name === name);
  if (!found) throw new Error(`${name} is not among the assignees`);
  return found.id;
}

function leadPage(page: Page) {
  const changeStatus = page.getByRole("form", { name: "Change status" });
  return {
    history: page.getByRole("list", { name: "History" }),
    notes: page.getByRole("list", { name: "Notes" }),
    assignTo: page.getByLabel("Assign to"),
    assign: page.getByRole("button", { name: "Assign", exact: true }),
    newStatus: changeStatus.getByLabel("New status"),
    note: changeStatus.getByLabel(/^Note/),
    saveStatus: page.getByRole("button", { name: "Save status" }),
    addNote: page.getByRole("button", { name: "Add note" }),
  };
}

test.describe("working a lead", () => {
  test.use({ role: "manager" });

  test("a manager assigns it, the salesperson marks it Contacted with a note, then Won", async ({
    page,
    api,
    browser,
    sessionFor,
  }) => {
    const key = await freshLead(api);
    const manager = leadPage(page);
    await page.goto(`/leads/${key}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, "a lead's page, as a manager");
    await manager.assignTo.selectOption({ label: "Demo Staff" });
    await manager.assign.click();
    await expect(manager.history.getByText("Assigned to Demo Staff")).toBeVisible();

    const staffContext = await browser.newContext({ storageState: await sessionFor("staff") });
    try {
      const staffPage = await staffContext.newPage();
      const staff = leadPage(staffPage);
      await staffPage.goto(`/leads/${key}`);
      await expect(staffPage.getByText("Assigned to Demo Staff").first()).toBeVisible();
      // Lost asks for a reason before it is sent.
      await staff.newStatus.selectOption({ label: "Lost" });
      await staff.saveStatus.click();
      await expect(staffPage.getByText("Say why it was lost.")).toBeVisible();

      await staff.newStatus.selectOption({ label: "Contacted" });
      await staff.note.fill("Spoke to the owner: open to a trade-in offer");
      await staff.saveStatus.click();
      await expect(staff.history.getByText("Status changed from New to Contacted")).toBeVisible();
      await expect(staff.notes.getByText("Spoke to the owner: open to a trade-in offer")).toBeVisible();
      await expect(staff.notes.getByText(/Demo Staff · \d\d\/\d\d\/\d{4} \d\d:\d\d/)).toBeVisible();

      await staff.newStatus.selectOption({ label: "Won" });
      await staff.saveStatus.click();
      await expect(staff.history.getByText("Status changed from Contacted to Won")).toBeVisible();
      // Closed: staff have no next step; a manager can reopen it.
      await expect(staff.saveStatus).toHaveCount(0);
      await expect(staffPage.getByText("This lead is closed; a manager can reopen it.")).toBeVisible();
    } finally {
      await staffContext.close();
    }

    await page.reload();
    for (const step of [
      "Assigned to Demo Staff",
      "Status changed from New to Contacted",
      "Status changed from Contacted to Won",
    ])
      await expect(manager.history.getByText(step)).toBeVisible();
    await expect(manager.newStatus.locator("option")).toHaveText([
      "Choose…",
      "New",
      "Contacted",
      "Appointment",
    ]);
  });

  test("an old demo sighting is the dealership's history: Dismissed automatically, saying why", async ({
    page,
  }) => {
    // The demo's sightings go back years: the start-up sync met them as history, not as news.
    await page.goto("/leads");
    const filters = page.getByRole("search", { name: "Search and filter leads" }).locator("..");
    await filters.getByRole("checkbox", { name: "Dismissed" }).click();
    await expect(page).toHaveURL(/status=dismissed/);
    const seen = page.getByRole("columnheader", { name: "Seen" });
    await seen.getByRole("button").click();
    await expect(seen).toHaveAttribute("aria-sort", "ascending");
    // The first seen of all: listed long before the dashboard was looking.
    const oldest = page
      .getByRole("table", { name: "Leads" })
      .getByRole("rowheader")
      .getByRole("link")
      .first();
    await oldest.click();
    await expect(page).toHaveURL(/\/leads\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("Dismissed")).toBeVisible();
    const history = leadPage(page).history;
    const dismissal = history.getByRole("listitem").filter({
      hasText: "Dismissed automatically: listed more than 14 days before the dashboard first saw it",
    });
    // By nobody: the sync, in the history's words, not a raw record.
    await expect(dismissal).toContainText("· Recapture");
    await expect(history).not.toContainText("{");
  });

  test("staff can't work a lead assigned to someone else", async ({ api, apiAs, browser, sessionFor }) => {
    const key = await freshLead(api);
    const assigned = await api.post(`/api/leads/${key}/assignment`, {
      data: { userId: await assigneeId(api, "Demo Manager") },
    });
    expect(assigned.ok()).toBe(true);

    const staffApi = await apiAs("staff");
    const refused = await staffApi.post(`/api/leads/${key}/status`, { data: { status: "contacted" } });
    expect(refused.status()).toBe(403);
    expect((await staffApi.post(`/api/leads/${key}/notes`, { data: { text: "Mine?" } })).status()).toBe(403);

    const staffContext = await browser.newContext({ storageState: await sessionFor("staff") });
    try {
      const staffPage = await staffContext.newPage();
      await staffPage.goto(`/leads/${key}`);
      const staff = leadPage(staffPage);
      await expect(staffPage.getByText("Only Demo Manager or a manager can work this lead.")).toBeVisible();
      await expect(staff.saveStatus).toHaveCount(0);
      await expect(staff.addNote).toHaveCount(0);
    } finally {
      await staffContext.close();
    }
  });

  test("a viewer reads the lead with no controls, and an unknown lead is not found", async ({
    api,
    browser,
    sessionFor,
  }) => {
    const key = await freshLead(api);
    const viewerContext = await browser.newContext({ storageState: await sessionFor("viewer") });
    try {
      const viewerPage = await viewerContext.newPage();
      await viewerPage.goto(`/leads/${key}`);
      const viewer = leadPage(viewerPage);
      await expect(viewer.history.getByText(/^First seen for sale/)).toBeVisible();
      await expect(viewerPage.getByText("You can read this lead; your role can't change it.")).toBeVisible();
      for (const control of [viewer.saveStatus, viewer.assign, viewer.addNote, viewer.assignTo])
        await expect(control).toHaveCount(0);
      await expectAccessible(viewerPage, "a lead's page, as a viewer");

      await viewerPage.goto("/leads/999999999");
      await expect(viewerPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    } finally {
      await viewerContext.close();
    }
  });

  test.describe("on a phone", () => {
    test.use({ ...phone });

    test("the lead's page fits 390 px", async ({ page, api }) => {
      const key = await freshLead(api);
      await page.goto(`/leads/${key}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectFitsPhone(page, "a lead's page");
    });
  });
});
