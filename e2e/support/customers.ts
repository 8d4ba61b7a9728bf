import { expect, type APIRequestContext } from "@playwright/test";

/** A unique plate for customers this run creates, so reruns against a reused server don't collide. */
export function uniqueRego(prefix: string): string {
  return `${prefix}${Date.now().toString(36).slice(-5).toUpperCase()}`;
}

/** Uploads Victorian customers by rego and waits until the emulator has processed them all. */
export async function uploadCustomers(api: APIRequestContext, name: string, regos: string[]) {
  const created = await api.post("/api/recapture/upload", {
    data: { name, enable_rego_lookups: false, customers: regos.map((rego) => ({ rego, state: "VIC" })) },
  });
  expect(created.status()).toBe(202);
  const { upload } = (await created.json()) as { upload: { id: string } };
  await expect
    .poll(
      async () =>
        (
          (await (await api.get(`/api/recapture/upload/${upload.id}`)).json()) as {
            upload: { total_processed_customers: number };
          }
        ).upload.total_processed_customers,
    )
    .toBe(regos.length);
  return upload;
}
