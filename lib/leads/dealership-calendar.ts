/**
 * The dealership's calendar: its weeks (Monday to Sunday) and months begin at
 * local midnight in DEALERSHIP_TIME_ZONE, whatever the server's zone, and a
 * week that crosses a daylight-saving change is 167 or 169 hours long. Leads
 * store moments as ISO text in UTC, so each period is given as the ISO
 * instants that bound it, ready for a range scan.
 */

/** A day on the dealership's calendar, "2026-11-30". */
export type CalendarDay = string;

export interface DealershipWeek {
  /** The week's Monday. */
  monday: CalendarDay;
  /** Monday's local midnight, as an ISO instant (inclusive). */
  start: string;
  /** The next Monday's local midnight (exclusive). */
  end: string;
}

const DAY_MS = 24 * 3600 * 1000;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const partsByZone = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at `instant`. */
function wallClock(instant: number, timeZone: string) {
  let formatter = partsByZone.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsByZone.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    /** The local date and time read as if it were UTC: date arithmetic without a zone. */
    asUtc: Date.UTC(
      +parts.year!,
      +parts.month! - 1,
      +parts.day!,
      +parts.hour!,
      +parts.minute!,
      +parts.second!,
    ),
    daysSinceMonday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClock(wholeSecond, timeZone).asUtc - wholeSecond;
}

/**
 * The instant of local midnight at the start of `day`. Midnight is guessed with
 * the offset just before it and corrected once if the offset at the guess
 * differs (a change of clocks between the two). Where clocks skip midnight
 * itself, this lands on the first moment of the day that exists.
 */
function localMidnight(day: CalendarDay, timeZone: string): number {
  const asUtc = Date.parse(`${day}T00:00:00.000Z`);
  const guess = asUtc - offsetAt(asUtc, timeZone);
  const corrected = asUtc - offsetAt(guess, timeZone);
  return wallClock(corrected, timeZone).asUtc >= asUtc ? corrected : guess;
}

const dayOf = (asUtc: number): CalendarDay => new Date(asUtc).toISOString().slice(0, 10);
const addDays = (day: CalendarDay, days: number): CalendarDay => dayOf(Date.parse(day) + days * DAY_MS);

/** The dealership's date at `now`. */
export function dealershipDay(now: Date, timeZone: string): CalendarDay {
  return dayOf(wallClock(now.getTime(), timeZone).asUtc);
}

/** The `count` weeks up to and including the one `now` falls in, oldest first. */
export function dealershipWeeks(now: Date, timeZone: string, count: number): DealershipWeek[] {
  const clock = wallClock(now.getTime(), timeZone);
  const thisMonday = addDays(dayOf(clock.asUtc), -clock.daysSinceMonday);
  return Array.from({ length: count }, (_, index) => {
    const monday = addDays(thisMonday, (index - count + 1) * 7);
    return {
      monday,
      start: new Date(localMidnight(monday, timeZone)).toISOString(),
      end: new Date(localMidnight(addDays(monday, 7), timeZone)).toISOString(),
    };
  });
}

/** The first day of the month `now` falls in, and its local midnight as an ISO instant. */
export function dealershipMonth(now: Date, timeZone: string): { firstDay: CalendarDay; start: string } {
  const firstDay = `${dealershipDay(now, timeZone).slice(0, 8)}01`;
  return { firstDay, start: new Date(localMidnight(firstDay, timeZone)).toISOString() };
}
