import { devices, expect, type Page } from "@playwright/test";

export const PHONE_WIDTH = 390;

const iPhone13 = devices["iPhone 13"];

/**
 * An iPhone 13's screen, touch and pixel ratio in the suite's Chromium (the
 * device's own default browser is WebKit), so the layout viewport follows the
 * page's viewport meta tag as on a phone.
 */
export const phone = {
  viewport: { width: PHONE_WIDTH, height: 844 },
  screen: { width: PHONE_WIDTH, height: 844 },
  userAgent: iPhone13.userAgent,
  deviceScaleFactor: iPhone13.deviceScaleFactor,
  isMobile: iPhone13.isMobile,
  hasTouch: iPhone13.hasTouch,
};

/**
 * Runs in the page: how wide the document is, and each visible control that
 * lies past `limit` without a sideways-scrolling container to reach it in.
 * Measured against the phone's width, not `innerWidth`: with mobile emulation
 * the layout viewport grows with the content, so `innerWidth` hides overflow.
 */
function measureOverflow(limit: number) {
  const scrollsSideways = (element: Element) => {
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      const { overflowX } = getComputedStyle(ancestor);
      if (overflowX === "auto" || overflowX === "scroll") return true;
    }
    return false;
  };
  const describe = (control: Element, right: number) => {
    const name =
      control.getAttribute("aria-label") ||
      control.textContent?.trim().slice(0, 40) ||
      control.getAttribute("name") ||
      "";
    return `<${control.tagName.toLowerCase()}> "${name}" ends at ${Math.round(right)} px`;
  };
  const controlsPastEdge: string[] = [];
  for (const control of document.querySelectorAll("button, a, input, select, textarea")) {
    const rect = control.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || getComputedStyle(control).visibility === "hidden") continue;
    const right = rect.right + window.scrollX;
    if (right > limit + 0.5 && !scrollsSideways(control)) controlsPastEdge.push(describe(control, right));
  }
  return { documentWidth: document.documentElement.scrollWidth, controlsPastEdge };
}

/**
 * The page on screen fits a phone: nothing widens the document past the
 * screen, and every button, link and field can be reached without zooming
 * out. A full-page screenshot is kept under test-results/small-screens.
 */
export async function expectFitsPhone(page: Page, what: string) {
  const { documentWidth, controlsPastEdge } = await page.evaluate(measureOverflow, PHONE_WIDTH);
  await page.screenshot({
    path: `test-results/small-screens/${what.replace(/[^a-z0-9]+/gi, "-")}.png`,
    fullPage: true,
    scale: "css",
  });
  expect.soft(controlsPastEdge, `${what}: controls past the right edge`).toEqual([]);
  expect.soft(documentWidth, `${what}: width of the document`).toBeLessThanOrEqual(PHONE_WIDTH);
}
