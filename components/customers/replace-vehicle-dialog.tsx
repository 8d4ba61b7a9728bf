"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { replaceVehicleFormSchema } from "@/components/customers/customer-form-schemas";
import {
  replaceVehicleRequest,
  serverFieldErrors,
  vehicleValuesFromCustomer,
  type VehicleValues,
} from "@/components/customers/customer-form-values";
import { VehicleFields } from "@/components/customers/vehicle-fields";
import {
  VEHICLE_FIELDS,
  vehicleName,
  type ReplaceVehicleRequest,
  type ReplaceVehicleResponse,
} from "@/lib/customers/replace-vehicle";
import { ApiError } from "@/lib/queries/api";
import { useReplaceVehicle } from "@/lib/queries/customers";
import type { Customer } from "@/lib/recapture/schemas";

export interface ReplaceVehicleDialogProps {
  customer: Customer;
  /** The server's answer: the vehicle replaced, or only partly (which it says). */
  onAnswer: (answer: ReplaceVehicleResponse) => void;
}

const FORM_ID = "replace-vehicle-form";
const BACK_ID = "replace-vehicle-back";

function sightingsSentence(count: number): string {
  if (count === 0) return "This record has no sightings, and the new record starts with none too.";
  const sightings = count === 1 ? "Its 1 sighting stays" : `Its ${count} sightings stay`;
  return `${sightings} with this record and ${count === 1 ? "goes" : "go"} when it is deleted: sightings can't be moved to another record. The new record starts with none and collects its own from now on.`;
}

/**
 * Replace vehicle: the new rego, state and VIN, then a confirmation that says
 * what happens to both records and to the old one's sightings. The replacement
 * is sent once: a second click while it runs sends nothing.
 */
export function ReplaceVehicleDialog({ customer, onAnswer }: ReplaceVehicleDialogProps) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<ReplaceVehicleRequest | null>(null);
  const [failure, setFailure] = useState<string>();
  const sending = useRef(false);
  const replacement = useReplaceVehicle(customer.id);
  const schema = useMemo(() => replaceVehicleFormSchema(customer), [customer]);
  const form = useForm<VehicleValues>({
    resolver: zodResolver(schema),
    defaultValues: vehicleValuesFromCustomer(customer),
  });

  // The confirmation replaces the form, whose field had the focus: it goes to the safe choice.
  useEffect(() => {
    if (confirming) document.getElementById(BACK_ID)?.focus();
  }, [confirming]);

  function changeOpen(next: boolean) {
    if (replacement.isPending) return;
    setOpen(next);
    if (!next) {
      setConfirming(null);
      setFailure(undefined);
      form.reset(vehicleValuesFromCustomer(customer));
    }
  }

  function review(event: FormEvent<HTMLFormElement>) {
    // The dialog sits inside the edit form in React's tree, where its submit would bubble to.
    event.stopPropagation();
    setFailure(undefined);
    void form.handleSubmit((values) => setConfirming(replaceVehicleRequest(values)))(event);
  }

  function replace() {
    if (!confirming || sending.current) return;
    sending.current = true;
    replacement.mutate(confirming, {
      onSuccess: (answer) => {
        setOpen(false);
        onAnswer(answer);
      },
      onError: (error) => {
        sending.current = false;
        const { fields, other } = serverFieldErrors(
          error instanceof ApiError ? error.fields : {},
          VEHICLE_FIELDS,
          "vehicle.",
        );
        const entries = Object.entries(fields) as [keyof VehicleValues, string][];
        setConfirming(null);
        for (const [name, message] of entries) form.setError(name, { type: "server", message });
        if (entries.length === 0 || other.length > 0) setFailure([error.message, ...other].join(" "));
      },
    });
  }

  const oldVehicle = vehicleName(customer);
  return (
    <Dialog
      trigger={<Button variant="secondary">Replace vehicle</Button>}
      open={open}
      onOpenChange={changeOpen}
      title={
        confirming ? `Replace ${oldVehicle} with ${vehicleName(confirming.vehicle)}?` : "Replace vehicle"
      }
      description={
        confirming
          ? "Two steps, and neither can be undone:"
          : "Enter the vehicle this customer's record should watch instead. Rego, state and VIN can't be changed in Recapture, so a new record is made for it and this one is deleted."
      }
      footer={
        confirming ? (
          <>
            <Button
              id={BACK_ID}
              variant="secondary"
              onClick={() => setConfirming(null)}
              disabled={replacement.isPending}
            >
              Back
            </Button>
            <Button variant="danger" onClick={replace} disabled={replacement.isPending}>
              {replacement.isPending ? "Replacing…" : "Replace vehicle"}
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={() => changeOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" form={FORM_ID}>
              Continue
            </Button>
          </>
        )
      }
    >
      {failure && (
        <Alert tone="danger" title="The vehicle wasn't replaced" className="mt-4">
          {failure}
        </Alert>
      )}
      {confirming ? (
        <ol className="mt-3 flex list-decimal flex-col gap-2 pl-5 text-sm text-slate-700">
          <li>
            A new record is created for <strong>{vehicleName(confirming.vehicle)}</strong>, with this
            record&apos;s external ID, sale date, monitoring window and additional fields.
          </li>
          <li>
            This record for <strong>{oldVehicle}</strong> is deleted.{" "}
            {sightingsSentence(customer.sightings.length)}
          </li>
        </ol>
      ) : (
        // Its own form context: the edit form around the dialog (in React's tree) has one too.
        <FormProvider {...form}>
          <form id={FORM_ID} onSubmit={review} noValidate aria-label="New vehicle" className="mt-4">
            <VehicleFields idPrefix="replace" currentState={customer.state} />
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
