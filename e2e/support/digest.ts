import { e2eServerEnv } from "../../playwright.config";
import { dueDigestDay } from "@/lib/notifications/digest-schedule";

/**
 * The e2e apps send the managers' digest in the last minute of the
 * dealership's day (e2eServerEnv.DIGEST_TIME), so an app's own digest job is
 * (all but) never due while a test runs and the test hook alone sends the
 * day's digest, whatever the hour the tests run at.
 */
export const DIGEST_TIME = e2eServerEnv.DIGEST_TIME;
export const DIGEST_TIME_ZONE = e2eServerEnv.DEALERSHIP_TIME_ZONE;

/** The first minute from now at which the digest is due: within a day, so the digest covers today's leads. */
export function digestDueAt(): string {
  for (let minutes = 0; minutes <= 24 * 60; minutes += 1) {
    const at = new Date(Date.now() + minutes * 60_000 + 20_000);
    if (dueDigestDay(at, DIGEST_TIME, DIGEST_TIME_ZONE)) return at.toISOString();
  }
  throw new Error("The digest was never due within a day");
}
