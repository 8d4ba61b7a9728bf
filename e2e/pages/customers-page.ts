import { expect, type Locator, type Page } from "@playwright/test";

/** The customers table at /customers: its rows, pagination, search, filters, sorting and column menu. */
export class CustomersPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly pagination: Locator;
  readonly summary: Locator;
  readonly pageSize: Locator;
  readonly goToPageInput: Locator;
  readonly uploadFilter: Locator;
  readonly uploadPicker: Locator;
  readonly uploadIdInput: Locator;
  readonly columnsButton: Locator;
  readonly addCustomer: Locator;
  readonly searchBox: Locator;
  readonly filters: Locator;
  readonly filtersToggle: Locator;
  readonly clearFilters: Locator;
  /** "1,480 customers" or "312 customers match". */
  readonly count: Locator;
  readonly sortStatus: Locator;
  readonly notYetIndexed: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Customers" });
    // Customer rows are the ones with a link to the customer; expanded detail rows hold a table instead.
    this.rows = this.table
      .locator(":scope > tbody > tr")
      .filter({ has: page.locator("a[href^='/customers/']") });
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
    this.summary = this.pagination.getByText(/^Showing|^No customers/);
    this.pageSize = page.getByLabel("Rows per page");
    this.goToPageInput = page.getByLabel("Go to page");
    this.uploadFilter = page.getByRole("search", { name: "Filter customers by upload" });
    this.uploadPicker = this.uploadFilter.getByLabel("Upload", { exact: true });
    this.uploadIdInput = this.uploadFilter.getByLabel("Upload ID");
    this.columnsButton = page.getByRole("button", { name: "Columns" });
    this.addCustomer = page.getByRole("link", { name: "Add customer" });
    this.searchBox = page.getByRole("searchbox", { name: "Search customers" });
    this.filters = page.getByRole("group", { name: "Filters" });
    this.filtersToggle = page.getByRole("button", { name: /^Filters( \(\d\))?$/ });
    this.clearFilters = page.getByRole("button", { name: "Clear filters" }).first();
    this.count = page.getByText(/^[\d,]+ (customers?|customers match|customer matches)$/);
    this.sortStatus = page.getByText(/^Sorted by /);
    this.notYetIndexed = page.getByText(
      "Search, filters and sorting arrive once every customer is indexed.",
      {
        exact: false,
      },
    );
  }

  /** A filter's select, by its label. */
  filter(label: "Sightings" | "Newest sighting" | "State" | "Seller" | "Monitoring"): Locator {
    return this.filters.getByLabel(label, { exact: true });
  }

  /** A sortable column's header cell (it carries `aria-sort`) and its sort button. */
  sortHeader(name: "Rego" | "Sale date" | "Sightings" | "Last updated") {
    const cell = this.table.getByRole("columnheader", { name, exact: true });
    return { cell, button: cell.getByRole("button", { name, exact: true }) };
  }

  /** The number in the count line above the table. */
  async counted(): Promise<number> {
    const text = (await this.count.textContent()) ?? "";
    return Number(/^([\d,]+)/.exec(text)?.[1]?.replaceAll(",", ""));
  }

  async goto(query = "") {
    await this.page.goto(`/customers${query}`);
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.summary).toBeVisible();
    await expect(this.table).toHaveAttribute("aria-busy", "false");
  }

  async expectShowing(first: number, last: number, total?: number) {
    const count = (value: number) => value.toLocaleString("en-AU");
    await expect(this.summary).toHaveText(
      new RegExp(
        `^Showing ${count(first)}–${count(last)} of ${total === undefined ? "[\\d,]+" : count(total)} customers$`,
      ),
    );
    await expect(this.table).toHaveAttribute("aria-busy", "false");
    await expect(this.rows).toHaveCount(last - first + 1);
  }

  async total(): Promise<number> {
    const text = (await this.summary.textContent()) ?? "";
    return Number(/of ([\d,]+) customers/.exec(text)?.[1]?.replaceAll(",", ""));
  }

  button(name: "First" | "Previous" | "Next" | "Last" | "Go"): Locator {
    return this.pagination.getByRole("button", { name, exact: true });
  }

  async goToPage(page: number) {
    await this.goToPageInput.fill(String(page));
    await this.button("Go").click();
  }

  /** Picks an upload from the register's list by the start of its name. */
  async pickUpload(name: string) {
    const value = await this.uploadPicker.locator("option", { hasText: name }).getAttribute("value");
    await this.uploadPicker.selectOption(value ?? "");
  }

  /** Filters by an upload id typed in, as for an upload the register doesn't list. */
  async filterByUploadId(uploadId: string) {
    await this.uploadPicker.selectOption({ label: "Another upload, by ID…" });
    await expect(this.uploadIdInput).toBeFocused();
    await this.uploadIdInput.fill(uploadId);
    await this.uploadFilter.getByRole("button", { name: "Filter" }).click();
  }

  /** The open or close button of a row's sightings, by the customer's rego. */
  expandButton(rego: string): Locator {
    return this.table.getByRole("button", { name: new RegExp(`^(Show|Hide) sightings of ${rego}$`) });
  }

  sightingsOf(rego: string): Locator {
    return this.page.getByRole("table", { name: `Sightings of ${rego}` });
  }

  async openCustomer(rego: string) {
    await this.table.getByRole("link", { name: rego, exact: true }).click();
  }

  /** Regos of the rows on screen, in order. */
  async regos(): Promise<string[]> {
    return this.rows.locator("td:nth-child(2)").allInnerTexts();
  }
}
