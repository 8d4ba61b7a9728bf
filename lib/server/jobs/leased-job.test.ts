import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { openDatabase, type DashboardDatabase } from "@/lib/server/db";
import { findLease, takeLease } from "@/lib/server/db/leases";
import { TEST_ENGINES } from "@/lib/testing/database-engines";
import { startLeasedJob, type LeasedJob } from "./leased-job";

for (const engine of TEST_ENGINES) {
  describe(`leases (${engine.name})`, () => {
    /** Two instances: two connections (pools) to one database. */
    async function twoInstances(): Promise<[DashboardDatabase, DashboardDatabase]> {
      const url = await engine.persistentUrl();
      const a = await openDatabase(url);
      return [a, await openDatabase(url)];
    }

    it("go to one holder at a time, are renewed by it, and pass on only once expired", async () => {
      const [a, b] = await twoInstances();
      expect(await takeLease("digest", "A", 1000, 10_000, a.kysely)).toBe(true);
      expect(await takeLease("digest", "B", 1000, 10_500, b.kysely)).toBe(false);
      // A renews: its lease now runs to 11_900.
      expect(await takeLease("digest", "A", 1000, 10_900, a.kysely)).toBe(true);
      expect(await takeLease("digest", "B", 1000, 11_899, b.kysely)).toBe(false);
      expect(await takeLease("digest", "B", 1000, 11_900, b.kysely)).toBe(true);
      expect(await findLease("digest", a.kysely)).toEqual({ holder: "B", expiresAt: 12_900 });
      // Other jobs' leases are their own.
      expect(await takeLease("sync", "A", 1000, 11_900, a.kysely)).toBe(true);
      await Promise.all([a.close(), b.close()]);
    });

    it("go to exactly one of many instances asking at the same moment", async () => {
      const [a, b] = await twoInstances();
      const asks = Array.from({ length: 20 }, (_, index) =>
        takeLease("tracker", `instance-${index}`, 30_000, 50_000, index % 2 ? a.kysely : b.kysely),
      );
      expect((await Promise.all(asks)).filter(Boolean)).toHaveLength(1);
      await Promise.all([a.close(), b.close()]);
    });

    it("run a job on one instance, and another takes it over when that one dies", async () => {
      const [a, b] = await twoInstances();
      const runs: string[] = [];
      const job = (name: string): LeasedJob => ({
        name: "upload-tracker",
        everyMs: 20,
        leaseMs: 300,
        run: async () => void runs.push(name),
      });
      const first = startLeasedJob(job("A"), { holder: "A", db: async () => a.kysely });
      await sleep(100);
      const second = startLeasedJob(job("B"), { holder: "B", db: async () => b.kysely });
      await sleep(200);
      expect(runs.length).toBeGreaterThan(3);
      expect(new Set(runs)).toEqual(new Set(["A"]));

      // A dies without giving up its lease: its timers stop, the lease stays until it expires.
      await first.stop().catch(() => undefined);
      await takeLease("upload-tracker", "A", 300, Date.now(), a.kysely);
      const diedAt = Date.now();
      runs.length = 0;
      await expect.poll(() => runs.includes("B"), { timeout: 2000, interval: 20 }).toBe(true);
      expect(Date.now() - diedAt).toBeGreaterThanOrEqual(250);
      expect(runs.every((name) => name === "B")).toBe(true);
      await second.stop();
      expect(await findLease("upload-tracker", b.kysely)).toBeUndefined();
      await Promise.all([a.close(), b.close()]);
    });

    it("keep running after a failed run", async () => {
      const [a, b] = await twoInstances();
      let calls = 0;
      const running = startLeasedJob(
        {
          name: "flaky",
          everyMs: 10,
          leaseMs: 1000,
          run: async () => {
            calls += 1;
            if (calls === 1) throw new Error("API down");
          },
        },
        { holder: "A", db: async () => a.kysely },
      );
      await expect.poll(() => calls, { timeout: 2000, interval: 10 }).toBeGreaterThan(2);
      await running.stop();
      await Promise.all([a.close(), b.close()]);
    });
  });
}
