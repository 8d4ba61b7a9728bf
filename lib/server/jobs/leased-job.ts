import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { releaseLease, takeLease } from "@/lib/server/db/leases";

/**
 * A background job that runs on one instance at a time: every `everyMs` each
 * instance tries to take (or renew) the job's lease, and the one holding it
 * runs the job. If that instance dies its lease expires after `leaseMs`, and
 * the next instance to ask takes the job over. One table and one statement on
 * both engines (lib/server/db/leases.ts), rather than a job library: the
 * well-kept ones are each tied to one engine (pg-boss and graphile-worker to
 * PostgreSQL) or need Redis (BullMQ), and SQLite must keep working alone.
 */
export interface LeasedJob {
  name: string;
  everyMs: number;
  /** Longer than one run of the job takes, so a slow run isn't taken over midway. */
  leaseMs: number;
  run(): Promise<void>;
}

export interface RunningJob {
  /** Stops asking for the lease and gives it up; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/** This process's name in the leases table: readable in the database, unique per start. */
export const INSTANCE_ID = `${hostname()}/${process.pid}/${randomBytes(3).toString("hex")}`;

export function startLeasedJob(
  job: LeasedJob,
  options: { holder?: string; db?: () => Promise<Db> } = {},
): RunningJob {
  const holder = options.holder ?? INSTANCE_ID;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const db = await options.db?.();
      if (await takeLease(job.name, holder, job.leaseMs, Date.now(), db)) await job.run();
    } catch (error) {
      // A failed run (an unreachable database or API) is tried again at the next tick.
      console.error(`Background job ${job.name} failed:`, error instanceof Error ? error.message : error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = tick().finally(schedule);
    }, job.everyMs);
    // The job never keeps a process alive on its own (a CLI, a test run).
    timer.unref();
  };

  current = tick().finally(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await releaseLease(job.name, holder, await options.db?.()).catch(() => undefined);
    },
  };
}
