"use client";

import { useId, useState, type ReactNode } from "react";
import type { CustomerFilters } from "@/components/customers/customers-search";
import { CustomersUploadFilter } from "@/components/customers/customers-upload-filter";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { AU_STATES, AU_STATE_NAMES } from "@/lib/au-states";
import { SIGHTING_WITHIN_DAYS } from "@/lib/customer-index/query";

export interface CustomersFiltersProps {
  filters: CustomerFilters;
  timeZone: string;
  onChange: (change: Partial<CustomerFilters>) => void;
  /** Shown while any filter or a search is set. */
  onClear: (() => void) | undefined;
}

function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="w-full">
        {children}
      </Select>
    </div>
  );
}

const activeCount = (filters: CustomerFilters) =>
  Object.values(filters).filter((value) => value !== undefined).length;

/**
 * The table's filters, each a native select with its label. On a phone they
 * fold away behind "Filters" (with how many are set), so the table stays in view.
 */
export function CustomersFilters({ filters, timeZone, onChange, onClear }: CustomersFiltersProps) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const count = activeCount(filters);
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        size="sm"
        className="self-start sm:hidden"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {count > 0 ? `Filters (${count})` : "Filters"}
      </Button>
      <div
        id={panelId}
        role="group"
        aria-label="Filters"
        className={`${open ? "flex" : "hidden"} flex-col gap-3 sm:flex`}
      >
        <div className="grid grid-cols-2 gap-x-3 gap-y-2 sm:flex sm:flex-wrap sm:items-end">
          <FilterSelect
            label="Sightings"
            value={filters.hasSightings === undefined ? "" : filters.hasSightings ? "yes" : "no"}
            onChange={(value) => onChange({ hasSightings: value === "" ? undefined : value === "yes" })}
          >
            <option value="">Any</option>
            <option value="yes">Has sightings</option>
            <option value="no">No sightings</option>
          </FilterSelect>
          <FilterSelect
            label="Newest sighting"
            value={String(filters.sightingWithinDays ?? "")}
            onChange={(value) =>
              onChange({
                sightingWithinDays: SIGHTING_WITHIN_DAYS.find((days) => String(days) === value),
              })
            }
          >
            <option value="">Any time</option>
            {SIGHTING_WITHIN_DAYS.map((days) => (
              <option key={days} value={days}>
                Within {days} days
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            label="State"
            value={filters.state ?? ""}
            onChange={(value) => onChange({ state: value || undefined })}
          >
            <option value="">All states</option>
            {AU_STATES.map((state) => (
              <option key={state} value={state} title={AU_STATE_NAMES[state]}>
                {state}
              </option>
            ))}
            {/* A state from a link or another region's list still shows as chosen. */}
            {filters.state && !(AU_STATES as readonly string[]).includes(filters.state) && (
              <option value={filters.state}>{filters.state}</option>
            )}
          </FilterSelect>
          <FilterSelect
            label="Seller"
            value={filters.sellerType ?? ""}
            onChange={(value) =>
              onChange({ sellerType: value === "private" || value === "dealer" ? value : undefined })
            }
          >
            <option value="">Any seller</option>
            <option value="private">Private</option>
            <option value="dealer">Dealer</option>
          </FilterSelect>
          <FilterSelect
            label="Monitoring"
            value={filters.monitoring ?? ""}
            onChange={(value) =>
              onChange({ monitoring: value === "now" || value === "ended" ? value : undefined })
            }
          >
            <option value="">Any</option>
            <option value="now">Monitoring now</option>
            <option value="ended">Monitoring ended</option>
          </FilterSelect>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <CustomersUploadFilter
            uploadId={filters.uploadId}
            timeZone={timeZone}
            onChange={(uploadId) => onChange({ uploadId })}
          />
          {onClear && (
            <Button variant="secondary" size="sm" onClick={onClear}>
              Clear filters
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
