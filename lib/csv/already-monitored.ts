import {
  normalisedState,
  type MonitoredMatch,
  type MonitoredVehicle,
  type MonitoringCustomer,
} from "@/lib/customer-index/already-monitored";
import { normalisedRego } from "@/lib/customer-index/search-terms";
import type { Review } from "@/lib/csv/review";
import type { RowProblem, UploadCustomer } from "@/lib/csv/row-check";

/**
 * Rows whose car the customer index already has (the same VIN, or the same rego
 * in the same state): not sent unless the person chooses to send them anyway, one
 * choice for all of them. Which cars those are is asked of the dashboard by the page;
 * the answer comes in here as data. A row edited to another car stops being one.
 */

/** The cars of a file to ask about, and the row each one is. */
export interface MonitoredQuestion {
  rows: number[];
  vehicles: MonitoredVehicle[];
}

/** Every row with a rego or a VIN, whatever else is wrong with it, so a row fixed later is known too. */
export function monitoredQuestion(review: Review): MonitoredQuestion {
  const rows: number[] = [];
  const vehicles: MonitoredVehicle[] = [];
  for (let row = 0; row < review.rows.length; row++) {
    const customer = review.customers[row];
    if (!customer || (customer.vin === undefined && customer.rego === undefined)) continue;
    rows.push(row);
    vehicles.push({ vin: customer.vin, rego: customer.rego, state: customer.state });
  }
  return { rows, vehicles };
}

/** Records the answer to `question`: the customer monitoring each matched car, by row. */
export function setMonitoredMatches(
  review: Review,
  question: Pick<MonitoredQuestion, "rows">,
  matches: readonly MonitoredMatch[],
): void {
  review.monitored.clear();
  for (const { vehicle, customer } of matches) {
    const row = question.rows[vehicle];
    if (row !== undefined) review.monitored.set(row, customer);
  }
}

function isSameCar(row: UploadCustomer, customer: MonitoringCustomer): boolean {
  if (row.vin !== undefined && row.vin.toUpperCase() === customer.vin?.toUpperCase()) return true;
  return (
    row.rego !== undefined &&
    customer.rego !== null &&
    normalisedRego(row.rego) === normalisedRego(customer.rego) &&
    normalisedState(row.state) === normalisedState(customer.state)
  );
}

/** The customer already monitoring the car of `row`, while the row is still that car. */
export function monitoringCustomerOf(review: Review, row: number): MonitoringCustomer | undefined {
  if (review.monitored.size === 0) return undefined;
  const customer = review.monitored.get(row);
  const current = review.customers[row];
  return customer && current && isSameCar(current, customer) ? customer : undefined;
}

/** "Send them anyway": one choice for every row whose car is monitored already. */
export function setSendAlreadyMonitored(review: Review, send: boolean): void {
  review.sendAlreadyMonitored = send;
}

/** Kept back because its car is monitored already and the person hasn't chosen to send such rows. */
export function isHeldBackAsMonitored(review: Review, row: number): boolean {
  return !review.sendAlreadyMonitored && monitoringCustomerOf(review, row) !== undefined;
}

/** Its rego, or else its VIN: how the customer is named in the review and the rows-not-sent file. */
export function monitoringCustomerName(customer: MonitoringCustomer): string {
  return customer.rego || customer.vin || customer.external_id || customer.id;
}

export function monitoredProblem(customer: MonitoringCustomer, sent: boolean): RowProblem {
  const name = monitoringCustomerName(customer);
  return sent
    ? {
        severity: "warning",
        code: "already-monitored",
        message: `Already monitored (customer ${name}), sent anyway`,
      }
    : { severity: "error", code: "already-monitored", message: `Already monitored (customer ${name})` };
}
