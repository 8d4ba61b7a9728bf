import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { LeadListResponse } from "@/lib/leads/lead-list";

/**
 * The leads inbox as the specs read it: the server's answer to a query, and
 * the page's total and rows once they have arrived, so a spec can hold what
 * the page shows against what GET /api/leads says.
 */

export async function leadsFromApi(api: APIRequestContext, query = ""): Promise<LeadListResponse> {
  const response = await api.get(`/api/leads${query}`);
  expect(response.status(), `GET /api/leads${query}`).toBe(200);
  return response.json();
}

/** Waits until the inbox has its rows: the total shown and no table or card list busy. */
async function inboxLoaded(page: Page) {
  await expect(page.getByTestId("leads-total")).toHaveText(/\d/);
  await expect(page.locator("table[aria-busy=true], ul[aria-busy=true]")).toHaveCount(0);
}

/** The total the page shows ("37 leads", "5 matching leads"), once loaded. */
export async function shownTotal(page: Page): Promise<number> {
  await inboxLoaded(page);
  return Number((await page.getByTestId("leads-total").textContent())!.replace(/\D/g, ""));
}

/** Waits for the page to show the server's total for the query in its URL; that total. */
export async function expectTotalAsApiSays(page: Page, api: APIRequestContext): Promise<number> {
  const query = new URL(page.url()).search;
  const { total } = await leadsFromApi(api, query);
  await expect.poll(() => shownTotal(page), `total for ${query}`).toBe(total);
  return total;
}

/** The lead keys of the table's rows on screen, in order (each row's vehicle links to its lead). */
export async function rowKeys(page: Page): Promise<number[]> {
  await inboxLoaded(page);
  const links = page.getByRole("table", { name: "Leads" }).getByRole("rowheader").getByRole("link");
  const hrefs = await links.evaluateAll((found) => found.map((link) => link.getAttribute("href")));
  return hrefs.map((href) => Number(href!.split("/").pop()));
}
