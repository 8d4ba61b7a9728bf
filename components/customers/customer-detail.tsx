"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { CustomerAdditionalFields } from "@/components/customers/customer-additional-fields";
import { CustomerDetailsList } from "@/components/customers/customer-details-list";
import { customerLabel } from "@/components/customers/customer-display";
import { CustomerEditForm, type CustomerEditFailure } from "@/components/customers/customer-edit-form";
import {
  customerPatch,
  editValuesFromCustomer,
  serverFieldErrors,
  type CustomerEditValues,
} from "@/components/customers/customer-form-values";
import { CustomerSightings } from "@/components/customers/customer-sightings";
import { customerHref, customersHref } from "@/components/customers/customers-search";
import { DeleteCustomerButton, undoDelete } from "@/components/customers/delete-customer-button";
import { ReplaceVehicleDialog } from "@/components/customers/replace-vehicle-dialog";
import { ReplaceVehicleOutcome } from "@/components/customers/replace-vehicle-outcome";
import { UnreadableCustomerNotice } from "@/components/customers/unreadable-customer-notice";
import type { CustomerIndexSearch } from "@/lib/customer-index/query-params";
import type { ReplaceVehicleResponse } from "@/lib/customers/replace-vehicle";
import { ApiError } from "@/lib/queries/api";
import {
  customerQueries,
  findCachedCustomer,
  useCustomersBeingDeleted,
  useUpdateCustomer,
} from "@/lib/queries/customers";
import { isUnreadableCustomer } from "@/lib/recapture/schemas";

export interface CustomerDetailProps {
  customerId: string;
  timeZone: string;
  canEdit: boolean;
  /** The table page the customer was opened from. */
  from: CustomerIndexSearch;
}

const EDIT_FIELDS = [
  "external_id",
  "sale_date",
  "monitor_start_date",
  "monitor_end_date",
  "additional_fields",
] as const;

/** The form is open with these values (the saved ones, or a refused attempt's) and what went wrong, if anything. */
interface Editing {
  values: CustomerEditValues;
  failure?: CustomerEditFailure;
}

export function CustomerDetail({ customerId, timeZone, canEdit, from }: CustomerDetailProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...customerQueries.detail(customerId),
    // Opened from the table: show what the table already knows while the fresh copy loads.
    placeholderData: () => findCachedCustomer(queryClient, customerId),
  });
  const update = useUpdateCustomer(customerId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [partlyReplaced, setPartlyReplaced] = useState<ReplaceVehicleResponse>();
  const beingDeleted = useCustomersBeingDeleted().has(customerId);
  const backHref = customersHref(from);
  const backLink = (
    <Link href={backHref} className="text-sm font-medium text-brand-700 hover:underline">
      ← Back to customers
    </Link>
  );

  if (beingDeleted) {
    // Come back to (Back, a link) while its delete waits: it is gone from view, with the way back.
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <EmptyState
            title="Customer deleted"
            description="It is removed from Recapture when the notice with Undo closes."
            action={
              <Button variant="secondary" onClick={() => undoDelete(customerId)}>
                Undo
              </Button>
            }
          />
        </div>
      </div>
    );
  }

  if (query.isPending) {
    return (
      <div role="status" className="flex flex-col gap-4">
        <span className="sr-only">Loading customer…</span>
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }

  if (query.isError) {
    const missing =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          {missing ? (
            <EmptyState
              title="Customer not found"
              description="It may have been deleted, or the link is wrong."
            />
          ) : (
            <ErrorState
              title="Couldn't load this customer"
              message={query.error.message}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          )}
        </div>
      </div>
    );
  }

  if (isUnreadableCustomer(query.data)) {
    // Its record can't be shown or edited, but it can still be deleted.
    return (
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-3">
          {backLink}
          <div className="flex flex-wrap items-end justify-between gap-4">
            <h1 className="text-2xl font-semibold tracking-tight">Customer record that can&apos;t be read</h1>
            {canEdit && (
              <DeleteCustomerButton
                customerId={customerId}
                label="this unreadable customer record"
                backHref={backHref}
              />
            )}
          </div>
        </div>
        <UnreadableCustomerNotice
          customer={{ ...query.data, id: customerId }}
          context="Its details can't be shown or edited here until the Recapture API sends a readable record."
        />
      </div>
    );
  }

  const customer = query.data;
  const label = customerLabel(customer);

  function replaced(answer: ReplaceVehicleResponse) {
    if (answer.old_customer.state === "deleted") {
      toast.success(`Vehicle replaced: now watching ${customerLabel(answer.customer)}`);
      router.replace(customerHref(answer.customer.id, from));
      return;
    }
    // Both records may exist now: this page (the old one) says so, with a link to each.
    setEditing(null);
    setPartlyReplaced(answer);
  }

  function save(values: CustomerEditValues) {
    const patch = customerPatch(customer, values);
    setEditing(null);
    if (Object.keys(patch).length === 0) {
      toast.info("Nothing to save: no field was changed");
      return;
    }
    // The form closes at once and the page shows the change; a refusal brings the form back as it was submitted.
    update.mutate(patch, {
      onSuccess: () => toast.success(`Saved ${label}`),
      onError: (error) => {
        const { fields, other } = serverFieldErrors(
          error instanceof ApiError ? error.fields : {},
          EDIT_FIELDS,
        );
        const message =
          other.length > 0 || Object.keys(fields).length === 0
            ? [error.message, ...other].join(" ")
            : undefined;
        setEditing({ values, failure: { fields, message } });
        toast.error(`Couldn't save ${label}`, { description: error.message });
      },
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        {backLink}
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{label}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {[customer.vehicle_title, customer.state].filter(Boolean).join(" · ") ||
                "Vehicle not yet identified"}
            </p>
          </div>
          {canEdit && !editing && (
            <div className="flex gap-2">
              <Button
                onClick={() => setEditing({ values: editValuesFromCustomer(customer) })}
                disabled={update.isPending}
              >
                Edit
              </Button>
              <DeleteCustomerButton customerId={customer.id} label={label} backHref={backHref} />
            </div>
          )}
        </div>
      </div>

      {partlyReplaced && <ReplaceVehicleOutcome answer={partlyReplaced} from={from} />}

      {editing ? (
        <Card title={`Edit ${label}`}>
          <CustomerEditForm
            vehicle={customer}
            replaceVehicle={<ReplaceVehicleDialog customer={customer} onAnswer={replaced} />}
            defaultValues={editing.values}
            failure={editing.failure}
            onSubmit={save}
            onCancel={() => setEditing(null)}
          />
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <Card
            title="Details"
            className="lg:col-span-2"
            aside={
              update.isPending && (
                <span role="status" className="flex items-center gap-2 text-sm text-slate-600">
                  <Spinner /> Saving…
                </span>
              )
            }
          >
            <CustomerDetailsList customer={customer} timeZone={timeZone} />
          </Card>
          <Card title="Additional fields">
            <CustomerAdditionalFields fields={customer.additional_fields} />
          </Card>
        </div>
      )}

      <Card title={`Sightings (${customer.sightings.length})`}>
        <CustomerSightings
          sightings={customer.sightings}
          caption={`Sightings of ${label}`}
          timeZone={timeZone}
        />
      </Card>
    </div>
  );
}
