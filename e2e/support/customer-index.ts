import { expect, type APIRequestContext, type Page } from "@playwright/test";

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

/**
 * Waits for a processed upload's customers to reach the index, tagged with their upload: the read
 * that finds the upload finished (its page, a test, the background tracker) asks for a pass itself.
 */
export async function indexUpload(reader: APIRequestContext, uploadId: string, customers: number) {
  await expect
    .poll(
      async () => {
        const response = await reader.get(`/api/customers?upload=${uploadId}`);
        return response.ok() ? ((await response.json()) as { total: number }).total : undefined;
      },
      { timeout: 60_000, message: `upload ${uploadId} in the customer index` },
    )
    .toBe(customers);
}
