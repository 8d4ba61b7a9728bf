import {
  monitoredCheckResponseSchema,
  type MonitoredCheckResponse,
  type MonitoredVehicle,
} from "@/lib/customer-index/already-monitored";
import type { Region } from "@/lib/recapture/regions";
import { apiFetch } from "@/lib/queries/api";

/** Asks the customer index which of these cars (one batch) it already has. */
export function checkAlreadyMonitored(
  region: Region,
  vehicles: readonly MonitoredVehicle[],
  signal?: AbortSignal,
): Promise<MonitoredCheckResponse> {
  return apiFetch(
    `/api/customers/already-monitored?region=${region}`,
    { method: "POST", body: JSON.stringify({ vehicles }), signal },
    monitoredCheckResponseSchema,
  );
}
