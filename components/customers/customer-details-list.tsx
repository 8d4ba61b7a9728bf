import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Customer } from "@/lib/recapture/schemas";

export interface CustomerDetailsListProps {
  customer: Customer;
  timeZone: string;
}

const notSet = <span className="text-slate-500">Not set</span>;

function date(value: string | null): ReactNode {
  return value ? formatDate(value) : notSet;
}

export function CustomerDetailsList({ customer, timeZone }: CustomerDetailsListProps) {
  const rows: [string, ReactNode][] = [
    ["Rego", customer.rego ?? notSet],
    ["State", customer.state ?? notSet],
    ["VIN", customer.vin ? <span className="font-mono text-xs">{customer.vin}</span> : notSet],
    ["Vehicle", customer.vehicle_title ?? notSet],
    ["External ID", customer.external_id ?? notSet],
    ["Sale date", date(customer.sale_date)],
    ["Monitor from", date(customer.monitor_start_date)],
    ["Monitor until", date(customer.monitor_end_date)],
    ["Last updated", formatDateTime(customer.last_updated, timeZone)],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
          <dd className="mt-1 text-sm text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
