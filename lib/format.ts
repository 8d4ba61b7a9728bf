/**
 * How the dashboard shows dates, times, counts and money to Australian dealership
 * staff. Formatters are built once and reused: a 500-row table formats about
 * 1,500 values, and building an Intl formatter costs far more than using one.
 */

const calendarDate = new Intl.DateTimeFormat("en-AU", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * dd/mm/yyyy for a calendar date the API stores as midnight UTC (sale date,
 * monitor dates): read in UTC so the day never shifts with the viewer's zone.
 */
export function formatDate(iso: string): string {
  return calendarDate.format(new Date(iso));
}

const dateTimeByZone = new Map<string, Intl.DateTimeFormat>();

/** dd/mm/yyyy HH:mm (24-hour) for a moment in time, in the dealership's time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  let formatter = dateTimeByZone.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-AU", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
    dateTimeByZone.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "14:05" for a moment today in the dealership's time zone, else "dd/mm/yyyy 14:05". */
export function formatMomentSince(iso: string, timeZone: string, now = new Date()): string {
  const moment = formatDateTime(iso, timeZone);
  const [day, time] = moment.split(" ");
  return day === formatDateTime(now.toISOString(), timeZone).split(" ")[0] ? time! : moment;
}

const wholeDollars = new Intl.NumberFormat("en-AU", {
  style: "currency",
  currency: "AUD",
  maximumFractionDigits: 0,
});
const dollarsAndCents = new Intl.NumberFormat("en-AU", {
  style: "currency",
  currency: "AUD",
  minimumFractionDigits: 2,
});

/** $28,500 for whole dollars (listing prices), $28,500.50 when there are cents. */
export function formatAud(amount: number): string {
  return Number.isInteger(amount) ? wholeDollars.format(amount) : dollarsAndCents.format(amount);
}

const wholeNumber = new Intl.NumberFormat("en-AU", { maximumFractionDigits: 0 });

/** "5,000": counts of rows, customers and uploads as staff read them. */
export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

/** "1 customer", "1,480 customers": a count and its noun, singular for exactly one. */
export function formatQuantity(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** "1 second", "40 seconds", "3 minutes": how long to wait before trying again, rounded up. */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole <= 90 ? formatQuantity(whole, "second") : formatQuantity(Math.ceil(whole / 60), "minute");
}
