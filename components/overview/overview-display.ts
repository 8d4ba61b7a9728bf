import type { CalendarDay } from "@/lib/leads/dealership-calendar";
import { formatDate, formatQuantity } from "@/lib/format";
import type { LeadOutcome } from "@/lib/leads/overview";

/** What each outcome is called on the chart, in its legend and in the table. */
export const OUTCOME_LABELS: Record<LeadOutcome, string> = {
  open: "New or open",
  won: "Won",
  lost: "Lost",
  dismissed: "Dismissed",
};

/** "30/11/2026" for a day of the dealership's calendar (held as "2026-11-30", read as such in any zone). */
export function formatDay(day: CalendarDay): string {
  return formatDate(`${day}T00:00:00.000Z`);
}

/** "w/c 30/11/2026": the week commencing that Monday. */
export function weekLabel(monday: CalendarDay): string {
  return `w/c ${formatDay(monday)}`;
}

/** "30/11": a week on the chart's axis, where a phone has room for little more. */
export function weekTick(monday: CalendarDay): string {
  return formatDay(monday).slice(0, 5);
}

/** "45 min", "3 h 20 min", "2 days 4 h": a time to first contact, as precise as is useful at its size. */
export function formatContactTime(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 1) return "under a minute";
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  if (hours < 48) return whole % 60 === 0 ? `${hours} h` : `${hours} h ${whole % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? formatQuantity(days, "day") : `${formatQuantity(days, "day")} ${hours % 24} h`;
}

/** "40%": a win rate, whole percent. */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
