import "server-only";
import { sql } from "kysely";
import {
  MONITORED_CHECK_BATCH,
  normalisedState,
  type MonitoredMatch,
  type MonitoredVehicle,
  type MonitoringCustomer,
} from "@/lib/customer-index/already-monitored";
import { normalisedRego } from "@/lib/customer-index/search-terms";
import type { Region } from "@/lib/recapture/regions";
import { inChunks } from "./in-list";
import { database } from "./index";

/**
 * Which cars of an upload the customer index already has: the same VIN (any
 * case), or the same rego, spaces and dashes aside, in the same state. One
 * query for the VINs and one for the regos, each an IN list on an index:
 * (region, upper(vin)) and (region, rego_normalised). A batch's values fit
 * both engines' limit on bound values.
 */

type IndexedVehicle = MonitoringCustomer & { rego_normalised: string | null };

/** Positions of `vehicles` by a key of each; vehicles without one are left out. */
function positionsBy(vehicles: readonly MonitoredVehicle[], keyOf: (vehicle: MonitoredVehicle) => string) {
  const positions = new Map<string, number[]>();
  vehicles.forEach((vehicle, position) => {
    const key = keyOf(vehicle);
    if (key === "") return;
    const list = positions.get(key);
    if (list) list.push(position);
    else positions.set(key, [position]);
  });
  return positions;
}

const regoAndState = (rego: string, state: string | null | undefined) => `${rego}|${normalisedState(state)}`;

export async function findMonitoredVehicles(
  region: Region,
  vehicles: readonly MonitoredVehicle[],
): Promise<MonitoredMatch[]> {
  const db = await database();
  const byVin = positionsBy(vehicles, (vehicle) => vehicle.vin?.trim().toUpperCase() ?? "");
  const byRego = positionsBy(vehicles, (vehicle) => (vehicle.rego ? normalisedRego(vehicle.rego) : ""));
  const customers = () =>
    db
      .selectFrom("indexed_customers as c")
      .select(["c.id", "c.rego", "c.rego_normalised", "c.state", "c.vin", "c.external_id"])
      .where("c.region", "=", region)
      .orderBy("c.key");
  const [withVin, withRego] = await Promise.all([
    inChunks(
      [...byVin.keys()],
      // The same expression as the index's, so both engines use it.
      (vins) =>
        customers()
          .where(sql<string>`upper(${sql.ref("c.vin")})`, "in", vins)
          .execute(),
      MONITORED_CHECK_BATCH,
    ),
    inChunks(
      [...byRego.keys()],
      (regos) => customers().where("c.rego_normalised", "in", regos).execute(),
      MONITORED_CHECK_BATCH,
    ),
  ]);

  const found = new Map<number, IndexedVehicle>();
  const note = (positions: readonly number[] | undefined, customer: IndexedVehicle) => {
    for (const position of positions ?? []) if (!found.has(position)) found.set(position, customer);
  };
  for (const customer of withVin) note(byVin.get(customer.vin?.toUpperCase() ?? ""), customer);
  const byRegoAndState = positionsBy(vehicles, (vehicle) =>
    vehicle.rego ? regoAndState(normalisedRego(vehicle.rego), vehicle.state) : "",
  );
  for (const customer of withRego) {
    if (customer.rego_normalised)
      note(byRegoAndState.get(regoAndState(customer.rego_normalised, customer.state)), customer);
  }
  return [...found]
    .sort(([a], [b]) => a - b)
    .map(([vehicle, { id, rego, state, vin, external_id }]) => ({
      vehicle,
      customer: { id, rego, state, vin, external_id },
    }));
}
