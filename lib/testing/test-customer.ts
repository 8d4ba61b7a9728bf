import type { Customer } from "@/lib/recapture/schemas";

let made = 0;

/**
 * A customer as the Recapture API returns one, for tests: a fresh id and rego each call
 * (`ABC1`, `ABC2`…), in VIC, with no vehicle, dates, sightings or additional fields unless
 * `fields` gives them.
 */
export function testCustomer(fields: Partial<Customer> = {}): Customer {
  made += 1;
  return {
    id: `00000000-0000-4000-8000-${String(made).padStart(12, "0")}`,
    last_updated: "2024-05-01T00:00:00.000Z",
    rego: `ABC${made}`,
    state: "VIC",
    vin: null,
    external_id: null,
    sale_date: null,
    monitor_start_date: null,
    monitor_end_date: null,
    vehicle_title: null,
    sightings: [],
    additional_fields: null,
    ...fields,
  };
}
