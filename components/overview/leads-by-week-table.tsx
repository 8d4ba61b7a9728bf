import { OUTCOME_LABELS, weekLabel } from "@/components/overview/overview-display";
import { formatCount } from "@/lib/format";
import { LEAD_OUTCOMES, type WeekOfLeads } from "@/lib/leads/overview";

export interface LeadsByWeekTableProps {
  weeks: WeekOfLeads[];
}

const total = (week: WeekOfLeads) => LEAD_OUTCOMES.reduce((sum, outcome) => sum + week[outcome], 0);

/** The chart's figures as a table: for screen readers, and for anyone who wants the exact numbers. */
export function LeadsByWeekTable({ weeks }: LeadsByWeekTableProps) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer rounded font-medium text-brand-700 hover:text-brand-900">
        Show the figures as a table
      </summary>
      {/* Focusable and named, so keyboard users can scroll it sideways on a phone. */}
      <div role="region" aria-label="Leads per week, table" tabIndex={0} className="mt-3 overflow-x-auto">
        <table className="w-full text-left tabular-nums">
          <caption className="sr-only">Leads first seen each week, by where they stand now</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-2 font-medium">
                Week
              </th>
              {LEAD_OUTCOMES.map((outcome) => (
                <th key={outcome} scope="col" className="px-2 py-2 text-right font-medium">
                  {OUTCOME_LABELS[outcome]}
                </th>
              ))}
              <th scope="col" className="py-2 pl-2 text-right font-medium">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {weeks.map((week) => (
              <tr key={week.monday}>
                <th scope="row" className="whitespace-nowrap py-2 pr-2 font-normal">
                  {weekLabel(week.monday)}
                </th>
                {LEAD_OUTCOMES.map((outcome) => (
                  <td key={outcome} className="px-2 py-2 text-right">
                    {formatCount(week[outcome])}
                  </td>
                ))}
                <td className="py-2 pl-2 text-right font-medium">{formatCount(total(week))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
