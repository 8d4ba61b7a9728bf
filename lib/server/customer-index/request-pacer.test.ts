import { describe, expect, it } from "vitest";
import { RequestPacer } from "./request-pacer";

function clock() {
  const state = {
    at: 1_000_000,
    slept: [] as number[],
    now: () => state.at,
    async sleep(ms: number) {
      state.slept.push(ms);
      state.at += ms;
    },
  };
  return state;
}

const headers = (total: number, remaining: number, resetAtMs: number) =>
  new Headers({
    "Rate-Limit-Total": String(total),
    "Rate-Limit-Remaining": String(remaining),
    "Rate-Limit-Reset": String(Math.round(resetAtMs / 1000)),
  });

describe("RequestPacer", () => {
  it("starts requests no closer together than its rate allows", async () => {
    const time = clock();
    const pacer = new RequestPacer(5, time);
    for (let request = 0; request < 4; request += 1) await pacer.beforeRequest();
    expect(time.slept).toEqual([200, 200, 200]);
  });

  it("spreads what is left of the window, beyond the people's fifth, until it resets", async () => {
    const time = clock();
    const pacer = new RequestPacer(100, time);
    await pacer.beforeRequest();
    // 600 a minute, 130 left, 20 s to go: 10 usable after the 120 kept for people, one every 2 s.
    pacer.observe({ headers: headers(600, 130, time.at + 20_000) });
    await pacer.beforeRequest();
    expect(time.slept).toEqual([2_000]);
  });

  it("waits for the window to reset once only the people's share is left", async () => {
    const time = clock();
    const pacer = new RequestPacer(100, time);
    pacer.observe({ headers: headers(600, 100, time.at + 30_000) });
    await pacer.beforeRequest();
    expect(time.slept[0]).toBeGreaterThanOrEqual(30_000);
  });

  it("pauses for a 429's wait, and ignores answers without the headers", async () => {
    const time = clock();
    const pacer = new RequestPacer(100, time);
    pacer.observe({ headers: new Headers() });
    pacer.pause(7_000);
    await pacer.beforeRequest();
    expect(time.slept).toEqual([7_000]);
  });
});
