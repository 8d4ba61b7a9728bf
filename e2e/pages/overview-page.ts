import { expect, type Locator, type Page } from "@playwright/test";

/** The overview at `/`: the figure cards, the chart of leads per week and its table, or the empty state. */
export class OverviewPage {
  readonly heading: Locator;
  readonly emptyState: Locator;
  readonly chart: Locator;
  readonly showTable: Locator;
  readonly weeksTable: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Overview" });
    this.emptyState = page.getByText("No leads yet", { exact: true });
    this.chart = page.getByRole("application", { name: "Leads per week by outcome" });
    this.showTable = page.getByText("Show the figures as a table");
    this.weeksTable = page.getByRole("table", {
      name: "Leads first seen each week, by where they stand now",
    });
  }

  /** A figure card, by its title. */
  figure(title: string): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  /** A figure card's figure: the large value under its title. */
  figureValue(title: string): Locator {
    return this.figure(title).locator(":scope > p").first();
  }

  async goto() {
    await this.page.goto("/");
    await this.expectLoaded();
  }

  /** The figures have arrived, or the page says there are no leads yet. */
  async expectLoaded() {
    await expect(this.heading).toBeVisible();
    await expect(this.figure("New leads this week").or(this.emptyState)).toBeVisible();
  }
}
