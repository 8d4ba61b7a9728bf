"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOME_LABELS, weekLabel, weekTick } from "@/components/overview/overview-display";
import { LEAD_OUTCOMES, type LeadOutcome, type WeekOfLeads } from "@/lib/leads/overview";

/** Outcome colours told apart by more than hue: open is the brand blue, the outcomes darker or paler. */
const OUTCOME_COLOURS: Record<LeadOutcome, string> = {
  open: "#1d6fd8",
  won: "#15803d",
  lost: "#b91c1c",
  dismissed: "#94a3b8",
};

/** slate-700, the page's body text. */
const TEXT_COLOUR = "#334155";

export interface LeadsByWeekChartProps {
  weeks: WeekOfLeads[];
}

/**
 * Leads first seen each week, stacked by where they stand now. The same
 * figures are in LeadsByWeekTable for screen readers; the chart itself can
 * also be stepped through with the arrow keys (recharts' accessibility layer).
 */
export function LeadsByWeekChart({ weeks }: LeadsByWeekChartProps) {
  return (
    <BarChart
      responsive
      data={weeks}
      title="Leads per week by outcome"
      margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      style={{ width: "100%", height: 280 }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis
        dataKey="monday"
        tickFormatter={weekTick}
        tick={{ fill: "#475569", fontSize: 12 }}
        interval="preserveStartEnd"
        minTickGap={8}
      />
      <YAxis allowDecimals={false} tick={{ fill: "#475569", fontSize: 12 }} />
      {/* Text in the page's colours, not the outcomes': the paler ones are too faint for text. */}
      <Tooltip
        labelFormatter={(monday) => weekLabel(String(monday))}
        itemStyle={{ color: TEXT_COLOUR }}
        labelStyle={{ color: TEXT_COLOUR, fontWeight: 600 }}
        // In the order of the outcomes, as the table has them, not alphabetical.
        itemSorter={(item) => LEAD_OUTCOMES.indexOf(item.dataKey as LeadOutcome)}
      />
      <Legend
        itemSorter={null}
        formatter={(value) => <span className="text-sm text-slate-700">{value}</span>}
      />
      {LEAD_OUTCOMES.map((outcome) => (
        <Bar
          key={outcome}
          dataKey={outcome}
          name={OUTCOME_LABELS[outcome]}
          stackId="leads"
          fill={OUTCOME_COLOURS[outcome]}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}
