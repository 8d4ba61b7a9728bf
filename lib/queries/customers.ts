import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import {
  INDEX_NOT_READY,
  indexedCustomersResponseSchema,
} from "@/lib/customer-index/indexed-customers-response";
import { customerIndexSearchString, type CustomerIndexSearch } from "@/lib/customer-index/query-params";
import { replaceVehicleResponseSchema, type ReplaceVehicleRequest } from "@/lib/customers/replace-vehicle";
import {
  customerListResponseSchema,
  customerEntryResponseSchema,
  customerResponseSchema,
  isUnreadableCustomer,
  type CreateCustomerRequest,
  type Customer,
  type CustomerListResponse,
  type UpdateCustomerRequest,
} from "@/lib/recapture/schemas";
import { ApiError, apiFetch, retryUnlessClientError } from "@/lib/queries/api";
import { applyCustomerPatch } from "@/lib/queries/customer-patch";
import { createDeferredDeletions } from "@/lib/queries/deferred-deletions";

const CUSTOMERS_URL = "/api/recapture/customers";

export interface CustomerListParams {
  offset: number;
  limit: number;
  uploadId?: string;
}

/** As often as the index's status is read while its first pass runs. */
const INDEX_NOT_READY_POLL_MS = 2_000;

/** The index answered that its first complete pass hasn't happened: the table pages the API live meanwhile. */
export function isIndexNotReady(error: Error | null): boolean {
  return error instanceof ApiError && error.code === INDEX_NOT_READY;
}

/** A cached table page of either kind: what the cache updates below read and write. */
type CachedCustomerPage = Pick<CustomerListResponse, "total" | "customers">;

function customerUrl(customerId: string): string {
  return `${CUSTOMERS_URL}/${encodeURIComponent(customerId)}`;
}

function listUrl({ offset, limit, uploadId }: CustomerListParams): string {
  const search = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  if (uploadId) search.set("upload_id", uploadId);
  return `${CUSTOMERS_URL}?${search}`;
}

/**
 * Query keys and options for customers, from general to specific, so invalidation can be as narrow as the change.
 * Both kinds of table page (paged live from the API, or answered from the index) sit under `lists()`, so
 * every change below updates and refetches them alike.
 */
export const customerQueries = {
  all: () => ["customers"] as const,
  lists: () => [...customerQueries.all(), "list"] as const,
  /** A page of the customer index: search, filters and sort; an ApiError `index_not_ready` before its first pass. */
  indexList: (search: CustomerIndexSearch) =>
    queryOptions({
      queryKey: [...customerQueries.lists(), "index", search] as const,
      queryFn: ({ signal }) =>
        apiFetch(
          `/api/customers${customerIndexSearchString(search)}`,
          { signal },
          indexedCustomersResponseSchema,
        ),
      placeholderData: keepPreviousData,
      retry: retryUnlessClientError,
      // Not ready yet: asked again now and then, and the table takes over from live paging once it answers.
      refetchInterval: (query) => (isIndexNotReady(query.state.error) ? INDEX_NOT_READY_POLL_MS : false),
    }),
  list: (params: CustomerListParams) =>
    queryOptions({
      queryKey: [...customerQueries.lists(), params] as const,
      queryFn: ({ signal }) => apiFetch(listUrl(params), { signal }, customerListResponseSchema),
      // The page on screen stays while the next one loads, instead of flashing a skeleton.
      placeholderData: keepPreviousData,
      retry: retryUnlessClientError,
    }),
  details: () => [...customerQueries.all(), "detail"] as const,
  detail: (customerId: string) =>
    queryOptions({
      queryKey: [...customerQueries.details(), customerId] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch(customerUrl(customerId), { signal }, customerEntryResponseSchema)).customer,
      retry: retryUnlessClientError,
    }),
};

/** The customer as last seen on any cached table page: shown at once while its own page loads. */
export function findCachedCustomer(queryClient: QueryClient, customerId: string): Customer | undefined {
  for (const [, list] of queryClient.getQueriesData<CachedCustomerPage>({
    queryKey: customerQueries.lists(),
  })) {
    const found = list?.customers.find((entry) => entry.id === customerId);
    if (found && !isUnreadableCustomer(found)) return found;
  }
  return undefined;
}

/** Writes one customer's new state into its detail entry and every cached table page that shows it. */
function writeCustomer(queryClient: QueryClient, customer: Customer) {
  queryClient.setQueryData(customerQueries.detail(customer.id).queryKey, customer);
  queryClient.setQueriesData<CachedCustomerPage>(
    { queryKey: customerQueries.lists() },
    (list) =>
      list && {
        ...list,
        customers: list.customers.map((entry) => (entry.id === customer.id ? customer : entry)),
      },
  );
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateCustomerRequest) =>
      apiFetch(CUSTOMERS_URL, { method: "PUT", body: JSON.stringify(request) }, customerResponseSchema),
    onSuccess: ({ customer }) => {
      queryClient.setQueryData(customerQueries.detail(customer.id).queryKey, customer);
      return queryClient.invalidateQueries({ queryKey: customerQueries.lists() });
    },
  });
}

/**
 * Saves only the changed fields. The change shows at once everywhere the
 * customer is cached; if the server refuses it, every entry goes back to what
 * it was and the error (with its field messages) reaches the caller.
 */
export function useUpdateCustomer(customerId: string) {
  const queryClient = useQueryClient();
  const detailKey = customerQueries.detail(customerId).queryKey;
  return useMutation({
    mutationFn: (patch: UpdateCustomerRequest) =>
      apiFetch(
        customerUrl(customerId),
        { method: "PATCH", body: JSON.stringify(patch) },
        customerResponseSchema,
      ),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: customerQueries.all() });
      const previousDetail = queryClient.getQueryData(detailKey);
      const previousLists = queryClient.getQueriesData<CachedCustomerPage>({
        queryKey: customerQueries.lists(),
      });
      const readable = previousDetail && !isUnreadableCustomer(previousDetail) ? previousDetail : undefined;
      const current = readable ?? findCachedCustomer(queryClient, customerId);
      if (current) writeCustomer(queryClient, applyCustomerPatch(current, patch));
      return { previousDetail, previousLists };
    },
    onError: (_error, _patch, snapshot) => {
      if (!snapshot) return;
      queryClient.setQueryData(detailKey, snapshot.previousDetail);
      for (const [key, list] of snapshot.previousLists) queryClient.setQueryData(key, list);
    },
    onSuccess: ({ customer }) => writeCustomer(queryClient, customer),
    // Table pages may hold the customer in a position the server now orders differently.
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerQueries.lists() }),
  });
}

/** How long a deleted customer can be brought back before the delete is sent. */
export const CUSTOMER_UNDO_MS = 10_000;

const customerDeletions = createDeferredDeletions({ delayMs: CUSTOMER_UNDO_MS });
const NOTHING_HIDDEN: ReadonlySet<string> = new Set();
let sendingOnPageClose = false;

/**
 * Closing the tab, reloading or leaving the dashboard sends every delete still
 * waiting: each is a `keepalive` request, which the browser finishes after the
 * page has gone, with the session cookie and the same-origin headers the
 * DELETE route checks. `pagehide` rather than `beforeunload`: it also fires
 * when a page goes into the back-forward cache.
 */
function sendWaitingDeletesOnPageClose() {
  if (sendingOnPageClose) return;
  sendingOnPageClose = true;
  window.addEventListener("pagehide", () => void customerDeletions.sendAll());
}

/** A deleted customer leaves every cache at once; the table pages are then read again. */
async function forgetCustomer(queryClient: QueryClient, customerId: string) {
  queryClient.removeQueries({ queryKey: customerQueries.detail(customerId).queryKey });
  queryClient.setQueriesData<CachedCustomerPage>(
    { queryKey: customerQueries.lists() },
    (list) => list && { ...list, customers: list.customers.filter((entry) => entry.id !== customerId) },
  );
  await queryClient.invalidateQueries({ queryKey: customerQueries.lists() });
}

/** The customers whose delete is waiting or being sent: every view leaves them out. */
export function useCustomersBeingDeleted(): ReadonlySet<string> {
  return useSyncExternalStore(customerDeletions.subscribe, customerDeletions.hidden, () => NOTHING_HIDDEN);
}

export interface CustomerDeleteCallbacks {
  /** The undo time is over (or its notice was closed): the delete is being sent. */
  onSend: () => void;
  /** The delete was refused; the customer is shown again. */
  onError: (error: Error) => void;
}

/**
 * Deletes a customer the way react-admin's undoable mode does: it disappears
 * from view at once, and the DELETE is sent only when the undo time is over.
 * Returns false when that customer's delete is already under way.
 */
export function useUndoableDeleteCustomer() {
  const queryClient = useQueryClient();
  return useCallback(
    (customerId: string, { onSend, onError }: CustomerDeleteCallbacks) => {
      sendWaitingDeletesOnPageClose();
      return customerDeletions.schedule(customerId, async () => {
        onSend();
        try {
          await apiFetch(
            customerUrl(customerId),
            { method: "DELETE", keepalive: true },
            customerEntryResponseSchema,
          );
        } catch (error) {
          // Already gone (deleted elsewhere meanwhile): what was asked for is done.
          if (!(error instanceof ApiError && error.status === 404)) {
            onError(error instanceof Error ? error : new Error(String(error)));
            return;
          }
        }
        await forgetCustomer(queryClient, customerId);
      });
    },
    [queryClient],
  );
}

/** Brings a customer back while its delete still waits; false once it has been sent. */
export const undoCustomerDelete = (customerId: string) => customerDeletions.undo(customerId);

/** Sends a waiting delete now: its notice was closed. */
export const sendCustomerDeleteNow = (customerId: string) => customerDeletions.sendNow(customerId);

/** Sends every waiting delete and waits for them, before the session that sends them ends. */
export const sendWaitingCustomerDeletes = () => customerDeletions.sendAll();

/**
 * Replaces the customer's vehicle (a new record, then the old one deleted). The
 * answer says what exists now; the new record is cached so its page opens at once.
 */
export function useReplaceVehicle(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ReplaceVehicleRequest) =>
      apiFetch(
        `${customerUrl(customerId)}/replace-vehicle`,
        { method: "POST", body: JSON.stringify(request) },
        replaceVehicleResponseSchema,
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(customerQueries.detail(answer.customer.id).queryKey, answer.customer);
      // Read again wherever it is shown next; not now, while its page is still on screen.
      void queryClient.invalidateQueries({
        queryKey: customerQueries.detail(customerId).queryKey,
        refetchType: answer.old_customer.state === "deleted" ? "none" : "active",
      });
      return queryClient.invalidateQueries({ queryKey: customerQueries.lists() });
    },
  });
}
