import type { Page } from "@playwright/test";

/** A request for a page of the customers table from the index: GET /api/customers, whatever its query. */
export const isIndexPageRequest = (url: URL) => url.pathname === "/api/customers";

/**
 * Makes the page see the customer index before its first complete pass: the status route says a
 * first pass is under way, and GET /api/customers says the index isn't ready, as the server does
 * then. The customers table pages the API live meanwhile. Returns a function that lifts both.
 */
export async function indexNotReadyYet(page: Page): Promise<() => Promise<void>> {
  const status = {
    region: "au",
    customers: 600,
    ready: false,
    upToDateAt: null,
    progress: { done: 600, total: 1_480 },
    failure: null,
    requested: false,
  };
  const statusRoute = "**/api/customers/index-status";
  const indexRoute = isIndexPageRequest;
  await page.route(statusRoute, (route) => route.fulfill({ json: { status } }));
  await page.route(indexRoute, (route) =>
    route.fulfill({
      status: 409,
      json: {
        success: false,
        error: { code: "index_not_ready", message: "The customer index is still being built." },
      },
    }),
  );
  return async () => {
    await page.unroute(statusRoute);
    await page.unroute(indexRoute);
  };
}
