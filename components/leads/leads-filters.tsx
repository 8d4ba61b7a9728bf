"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { CustomersUploadFilter } from "@/components/customers/customers-upload-filter";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { AU_STATES } from "@/lib/au-states";
import {
  LEAD_CONTACT_DUE_HOURS,
  LEAD_SEEN_WITHIN_DAYS,
  type LeadSort,
  type LeadType,
} from "@/lib/leads/lead-list";
import type { LeadListSearch } from "@/lib/leads/lead-list-params";
import { LEAD_STATUS_LABELS, LEAD_STATUSES, type LeadStatus } from "@/lib/leads/lead-status";

/** A person leads can be assigned to. */
export interface LeadAssigneeOption {
  id: number;
  name: string;
}

export interface LeadsFiltersProps {
  search: LeadListSearch;
  people: readonly LeadAssigneeOption[];
  timeZone: string;
  /** A new search, back on its first page. */
  onChange: (search: LeadListSearch) => void;
}

/** The "Seen" choice for leads seen too long ago to still be waiting for a call. */
const WAITING = "waiting";

const TYPE_LABELS: Record<LeadType, string> = {
  new_listing: "New listing",
  price_drop: "Price drop",
  no_longer_listed: "No longer listed",
};

/** Every order the list has, for a phone (which has no column headers) and for the sorts without a header. */
const ORDERS: { label: string; sort: LeadSort; direction: "asc" | "desc" }[] = [
  { label: "Newest first", sort: "first_seen", direction: "desc" },
  { label: "Oldest first", sort: "first_seen", direction: "asc" },
  { label: "Price, lowest first", sort: "price", direction: "asc" },
  { label: "Price, highest first", sort: "price", direction: "desc" },
  { label: "Biggest price drop first", sort: "price_change", direction: "asc" },
  { label: "Biggest price rise first", sort: "price_change", direction: "desc" },
  { label: "Longest listed first", sort: "days_listed", direction: "desc" },
  { label: "Most recently listed first", sort: "days_listed", direction: "asc" },
];

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Leaves out one key: a filter set back to "any". */
function without<K extends keyof LeadListSearch>(search: LeadListSearch, key: K): LeadListSearch {
  const next = { ...search };
  delete next[key];
  return next;
}

const dollars = (text: string): number | undefined => {
  const cleaned = text.replace(/[$,\s]/g, "");
  return /^\d{1,9}$/.test(cleaned) ? Number(cleaned) : undefined;
};

/** The inbox's search and filters: each change is a new URL (the page reads its list from there). */
export function LeadsFilters({ search, people, timeZone, onChange }: LeadsFiltersProps) {
  const id = useId();
  const [text, setText] = useState(search.search ?? "");
  const [priceMin, setPriceMin] = useState(search.priceMin?.toString() ?? "");
  const [priceMax, setPriceMax] = useState(search.priceMax?.toString() ?? "");
  // A new search from the URL (Back, a link) shows in the fields; reset while rendering, keeping focus.
  const [shownFor, setShownFor] = useState(search);
  if (shownFor !== search) {
    setShownFor(search);
    setText(search.search ?? "");
    setPriceMin(search.priceMin?.toString() ?? "");
    setPriceMax(search.priceMax?.toString() ?? "");
  }

  function set<K extends keyof LeadListSearch>(key: K, value: LeadListSearch[K] | undefined) {
    onChange(value === undefined || value === "" ? without(search, key) : { ...search, [key]: value });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let next = { ...search };
    next = text.trim() ? { ...next, search: text.trim() } : without(next, "search");
    const min = dollars(priceMin);
    const max = dollars(priceMax);
    next = min === undefined ? without(next, "priceMin") : { ...next, priceMin: min };
    next = max === undefined ? without(next, "priceMax") : { ...next, priceMax: max };
    onChange(next);
  }

  function toggleStatus(status: LeadStatus, on: boolean) {
    const chosen = new Set(search.statuses ?? []);
    if (on) chosen.add(status);
    else chosen.delete(status);
    const statuses = LEAD_STATUSES.filter((one) => chosen.has(one));
    set("statuses", statuses.length > 0 ? statuses : undefined);
  }

  // On a phone the filters fold away under a button, so the leads start on the first screen.
  const [unfolded, setUnfolded] = useState(false);
  const chosen = [
    search.statuses?.length,
    search.assignee !== undefined,
    search.seenWithinDays || search.seenBeforeHours,
    search.type,
    search.sellerType,
    search.state,
    search.uploadId,
  ].filter(Boolean).length;
  const folded = unfolded ? "flex" : "hidden lg:flex";

  const order = ORDERS.findIndex((one) => one.sort === search.sort && one.direction === search.direction);
  const assigneeValue = search.assignee === undefined ? "" : String(search.assignee);
  const personKnown = typeof search.assignee !== "number" || people.some((one) => one.id === search.assignee);

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <form
        role="search"
        aria-label="Search and filter leads"
        onSubmit={submit}
        className="flex flex-wrap items-end gap-3"
      >
        <Field id={`${id}-q`} label="Search">
          <Input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Rego, VIN, name, phone, listing"
            className="w-72 max-w-full"
          />
        </Field>
        <Field id={`${id}-min`} label="Price from (AUD)">
          <Input
            id={`${id}-min`}
            inputMode="numeric"
            value={priceMin}
            onChange={(event) => setPriceMin(event.target.value)}
            className="w-28"
          />
        </Field>
        <Field id={`${id}-max`} label="Price to (AUD)">
          <Input
            id={`${id}-max`}
            inputMode="numeric"
            value={priceMax}
            onChange={(event) => setPriceMax(event.target.value)}
            className="w-28"
          />
        </Field>
        <Button type="submit">Search</Button>
        <Button
          variant="secondary"
          className="lg:hidden"
          aria-expanded={unfolded}
          aria-controls={`${id}-filters`}
          onClick={() => setUnfolded(!unfolded)}
        >
          {chosen > 0 ? `Filters (${chosen})` : "Filters"}
        </Button>
      </form>
      <div id={`${id}-filters`} className={`${folded} flex-col gap-3`}>
        <div className="flex flex-wrap items-end gap-3">
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs font-medium text-slate-700">Status</legend>
            <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
              {LEAD_STATUSES.map((status) => (
                <label key={status} className="flex items-center gap-1.5 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    checked={search.statuses?.includes(status) ?? false}
                    onChange={(event) => toggleStatus(status, event.target.checked)}
                  />
                  {LEAD_STATUS_LABELS[status]}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <Field id={`${id}-assignee`} label="Assignee">
            <Select
              id={`${id}-assignee`}
              value={assigneeValue}
              onChange={(event) => {
                const value = event.target.value;
                set(
                  "assignee",
                  value === "" ? undefined : value === "mine" || value === "nobody" ? value : Number(value),
                );
              }}
            >
              <option value="">Anyone</option>
              <option value="mine">Mine</option>
              <option value="nobody">Nobody</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
              {!personKnown && <option value={assigneeValue}>Account {assigneeValue}</option>}
            </Select>
          </Field>
          <Field id={`${id}-within`} label="Seen">
            <Select
              id={`${id}-within`}
              value={search.seenBeforeHours ? WAITING : (search.seenWithinDays ?? "")}
              onChange={(event) => {
                const value = event.target.value;
                const rest = without(without(search, "seenWithinDays"), "seenBeforeHours");
                onChange(
                  value === WAITING
                    ? { ...rest, seenBeforeHours: LEAD_CONTACT_DUE_HOURS }
                    : value
                      ? { ...rest, seenWithinDays: Number(value) as LeadListSearch["seenWithinDays"] }
                      : rest,
                );
              }}
            >
              <option value="">Any time</option>
              {LEAD_SEEN_WITHIN_DAYS.map((days) => (
                <option key={days} value={days}>
                  {days === 1 ? "The last day" : `The last ${days} days`}
                </option>
              ))}
              <option value={WAITING}>More than {LEAD_CONTACT_DUE_HOURS} hours ago</option>
            </Select>
          </Field>
          <Field id={`${id}-type`} label="Type">
            <Select
              id={`${id}-type`}
              value={search.type ?? ""}
              onChange={(event) => set("type", (event.target.value || undefined) as LeadType | undefined)}
            >
              <option value="">Any</option>
              {Object.entries(TYPE_LABELS).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-seller`} label="Seller">
            <Select
              id={`${id}-seller`}
              value={search.sellerType ?? ""}
              onChange={(event) =>
                set("sellerType", (event.target.value || undefined) as LeadListSearch["sellerType"])
              }
            >
              <option value="">Any</option>
              <option value="private">Private</option>
              <option value="dealer">Dealer</option>
            </Select>
          </Field>
          <Field id={`${id}-state`} label="State">
            <Select
              id={`${id}-state`}
              value={search.state ?? ""}
              onChange={(event) => set("state", event.target.value || undefined)}
            >
              <option value="">Any</option>
              {AU_STATES.map((state) => (
                <option key={state} value={state}>
                  {state}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-order`} label="Sort">
            <Select
              id={`${id}-order`}
              value={order}
              onChange={(event) => {
                const picked = ORDERS[Number(event.target.value)];
                if (picked) onChange({ ...search, sort: picked.sort, direction: picked.direction });
              }}
            >
              {ORDERS.map((one, index) => (
                <option key={one.label} value={index}>
                  {one.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <CustomersUploadFilter
          uploadId={search.uploadId}
          timeZone={timeZone}
          onChange={(uploadId) => set("uploadId", uploadId)}
        />
      </div>
    </div>
  );
}
