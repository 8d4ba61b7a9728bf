import { formatDateTime } from "@/lib/format";
import type { LeadEvent } from "@/lib/leads/lead-detail";
import { describeEvent, eventActorName } from "@/lib/leads/lead-display";

export interface LeadTimelineProps {
  events: readonly LeadEvent[];
  timeZone: string;
}

/** The lead's whole history, newest first: what the market did (prices, delisting) and what people did. */
export function LeadTimeline({ events, timeZone }: LeadTimelineProps) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4" aria-label="History">
      {[...events].reverse().map((event) => {
        const { title, note } = describeEvent(event);
        return (
          <li key={event.id} className="relative">
            <span
              aria-hidden
              className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600"
            />
            <p className="text-sm font-medium text-slate-900">{title}</p>
            {note && <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{note}</p>}
            <p className="text-xs text-slate-500">
              <time dateTime={event.at}>{formatDateTime(event.at, timeZone)}</time>
              {` · ${eventActorName(event)}`}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
