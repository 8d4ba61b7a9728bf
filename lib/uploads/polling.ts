/**
 * How often the browser asks the Recapture API about an upload. Pure, so the
 * schedule is tested without timers.
 */

/** Roughly once a second while someone is watching: the bar moves smoothly without flooding the API. */
export const ACTIVE_POLL_MS = 1_000;
/** A hidden tab still notices completion, at a tenth of the load. */
export const HIDDEN_POLL_MS = 10_000;
/** The register list shows many uploads at once, so each is checked less often; so is the register's own record. */
export const LIST_POLL_MS = 5_000;

export function pollInterval(options: {
  finished: boolean;
  hidden: boolean;
  activeMs?: number;
}): number | false {
  if (options.finished) return false;
  const activeMs = options.activeMs ?? ACTIVE_POLL_MS;
  return options.hidden ? Math.max(activeMs, HIDDEN_POLL_MS) : activeMs;
}

const FIRST_RECONNECT_MS = 1_000;
const MAX_RECONNECT_MS = 15_000;

/** Waits before the n-th reconnection attempt (0-based): 1 s, 2 s, 4 s, 8 s, then every 15 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(MAX_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** Math.max(0, attempt));
}
