/**
 * When the managers' digest is due: once a day, from DIGEST_TIME on that day
 * in the dealership's time zone. The day is named yyyy-mm-dd in that zone, so
 * an instance in another zone (a server on UTC) agrees which day it is.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoned(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day (yyyy-mm-dd) and time of day (HH:MM) of `moment` in `timeZone`. */
export function localDayAndTime(moment: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    zoned(timeZone)
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The day whose digest is due at `moment`, or null before `digestTime` (HH:MM):
 * a server that was down at the time sends that day's digest when it's back.
 */
export function dueDigestDay(moment: Date, digestTime: string, timeZone: string): string | null {
  const { day, time } = localDayAndTime(moment, timeZone);
  return time >= digestTime ? day : null;
}
