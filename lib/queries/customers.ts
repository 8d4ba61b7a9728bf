import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
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
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";
import { applyCustomerPatch } from "@/lib/queries/customer-patch";

const CUSTOMERS_URL = "/api/recapture/customers";

export interface CustomerListParams {
  offset: number;
  limit: number;
  uploadId?: string;
}

function customerUrl(customerId: string): string {
  return `${CUSTOMERS_URL}/${encodeURIComponent(customerId)}`;
}

function listUrl({ offset, limit, uploadId }: CustomerListParams): string {
  const search = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  if (uploadId) search.set("upload_id", uploadId);
  return `${CUSTOMERS_URL}?${search}`;
}

/** Query keys and options for customers, from general to specific, so invalidation can be as narrow as the change. */
export const customerQueries = {
  all: () => ["customers"] as const,
  lists: () => [...customerQueries.all(), "list"] as const,
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
  for (const [, list] of queryClient.getQueriesData<CustomerListResponse>({
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
  queryClient.setQueriesData<CustomerListResponse>(
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
      const previousLists = queryClient.getQueriesData<CustomerListResponse>({
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

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) =>
      apiFetch(customerUrl(customerId), { method: "DELETE" }, customerEntryResponseSchema),
    // By the id asked for: the answer's record may be one that can't be read.
    onSuccess: (_answer, customerId) => {
      queryClient.removeQueries({ queryKey: customerQueries.detail(customerId).queryKey });
      return queryClient.invalidateQueries({ queryKey: customerQueries.lists() });
    },
  });
}
