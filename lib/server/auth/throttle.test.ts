import { expect, it } from "vitest";
import { dashboardDatabase, database, openDatabase } from "@/lib/server/db";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { AttemptThrottle, type ThrottleKey } from "./throttle";

const start = 1_000_000;
const perMinute = (key: string, limit = 5): ThrottleKey => ({ key, limit, windowMs: 60_000 });

/** The keys of the attempts the database holds, in order. */
async function storedKeys(): Promise<string[]> {
  const rows = await (await database()).selectFrom("sign_in_attempts").select("key").orderBy("key").execute();
  return rows.map((row) => row.key);
}

describeEachEngine("AttemptThrottle", (engine) => {
  it("reserves no more attempts than the limit, one after another", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await throttle.reserve([perMinute("address:a")], start));
    expect(results.filter((result) => result.reserved)).toHaveLength(5);
    expect(results.slice(5)).toEqual(Array(15).fill({ reserved: false, waitSeconds: 60 }));
  });

  it("lets exactly the limit through when 50 arrive at once", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    const keys = [perMinute("address:a"), { key: "account:sam", limit: 100, windowMs: 15 * 60_000 }];
    const results = await Promise.all(Array.from({ length: 50 }, () => throttle.reserve(keys, start)));
    expect(results.filter((result) => result.reserved)).toHaveLength(5);
    expect(await storedKeys()).toEqual([...Array(5).fill("account:sam"), ...Array(5).fill("address:a")]);
  });

  if (engine.name === "PostgreSQL") {
    it("lets exactly the limit through when 50 arrive at once at two instances sharing the database", async () => {
      const elsewhere = await openDatabase(process.env.DATABASE_URL!);
      try {
        const here = new AttemptThrottle(dashboardDatabase);
        const there = new AttemptThrottle(async () => elsewhere);
        const keys = [perMinute("address:a"), perMinute("address-account:a sam")];
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? here : there).reserve(keys, start + (i % 7))),
        );
        expect(results.filter((result) => result.reserved)).toHaveLength(5);
        // Either instance now refuses the key, and sees the other's attempts in its wait.
        expect((await there.reserve([perMinute("address:a")], start + 10)).reserved).toBe(false);
        expect((await here.reserve([perMinute("address:a")], start + 10)).reserved).toBe(false);
      } finally {
        await elsewhere.close();
      }
    });
  }

  it("says how long to wait, and slides: old attempts stop counting, recent ones still do", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    for (const offset of [0, 10_000, 20_000, 50_000, 55_000]) {
      expect((await throttle.reserve([perMinute("address:a")], start + offset)).reserved).toBe(true);
    }
    // The oldest attempt (at `start`) leaves the window 60 s after it was made.
    expect(await throttle.reserve([perMinute("address:a")], start + 56_000)).toEqual({
      reserved: false,
      waitSeconds: 4,
    });
    expect(await throttle.reserve([perMinute("address:a")], start + 59_500)).toEqual({
      reserved: false,
      waitSeconds: 1,
    });
    expect((await throttle.reserve([perMinute("address:a")], start + 61_000)).reserved).toBe(true);
    expect(await throttle.reserve([perMinute("address:a")], start + 62_000)).toEqual({
      reserved: false,
      waitSeconds: 8,
    });
  });

  it("counts an attempt against all of its keys or none, each key with its own allowance", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    const account = { key: "account:sam", limit: 100, windowMs: 15 * 60_000 };
    for (let i = 0; i < 5; i++) await throttle.reserve([perMinute("address:a"), account], start);
    // The address is used up; the account, with its higher allowance, is not.
    expect((await throttle.reserve([perMinute("address:a"), account], start)).reserved).toBe(false);
    for (let i = 0; i < 95; i++) {
      expect((await throttle.reserve([perMinute(`address:${i}`), account], start)).reserved).toBe(true);
    }
    // The refused attempt above was not counted against the account: exactly 100 are.
    expect(await throttle.reserve([perMinute("address:fresh"), account], start)).toEqual({
      reserved: false,
      waitSeconds: 900,
    });
    expect(
      (await throttle.reserve([perMinute("address:fresh"), account], start + 15 * 60_000 + 1)).reserved,
    ).toBe(true);
  });

  it("gives a released attempt back, and forgets a cleared key", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    const keys = [perMinute("address:a", 2), perMinute("account:sam", 2)];
    const first = await throttle.reserve(keys, start);
    await throttle.reserve(keys, start + 1);
    expect((await throttle.reserve(keys, start + 2)).reserved).toBe(false);
    if (!first.reserved) expect.unreachable();
    await throttle.release(first.reservation);
    expect((await throttle.reserve(keys, start + 3)).reserved).toBe(true);
    expect((await throttle.reserve(keys, start + 4)).reserved).toBe(false);
    await throttle.clear("address:a");
    await throttle.clear("account:sam");
    expect((await throttle.reserve(keys, start + 5)).reserved).toBe(true);
  });

  it("keeps keys apart", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    await throttle.reserve([perMinute("address:a", 1)], start);
    expect((await throttle.reserve([perMinute("address:a", 1)], start)).reserved).toBe(false);
    expect((await throttle.reserve([perMinute("address:b", 1)], start)).reserved).toBe(true);
  });

  it("deletes attempts that have left their window, at most once a minute", async () => {
    const throttle = new AttemptThrottle(dashboardDatabase);
    const at = async (key: string, offset: number) => throttle.reserve([perMinute(key)], start + offset);
    await at("address:a", 0);
    await at("address:b", 50_000);
    expect(await storedKeys()).toEqual(["address:a", "address:b"]);
    await at("address:c", 60_000);
    expect(await storedKeys()).toEqual(["address:b", "address:c"]);
    // Not a minute since the last sweep: b has left its window (and no longer counts) but stays a while.
    await at("address:d", 110_001);
    expect(await storedKeys()).toEqual(["address:b", "address:c", "address:d"]);
    await at("address:e", 120_001);
    expect(await storedKeys()).toEqual(["address:d", "address:e"]);
  });
});
