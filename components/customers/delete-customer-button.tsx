"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteCustomer } from "@/lib/queries/customers";

export interface DeleteCustomerButtonProps {
  customerId: string;
  /** How people know the customer: its rego or VIN (customerLabel). */
  label: string;
  /** The table page to return to once the customer is gone. */
  backHref: string;
}

export function DeleteCustomerButton({ customerId, label, backHref }: DeleteCustomerButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteCustomer();

  function confirm() {
    deletion.mutate(customerId, {
      onSuccess: () => {
        toast.success(`Deleted ${label}`);
        router.push(backHref);
      },
      onError: (error) => {
        setOpen(false);
        toast.error(`Couldn't delete ${label}`, { description: error.message });
      },
    });
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Delete</Button>}
      open={open}
      onOpenChange={setOpen}
      title={`Delete ${label}?`}
      description={`This removes ${label} and its sightings from Recapture, and the car is no longer monitored. This can't be undone.`}
      confirmLabel="Delete customer"
      pendingLabel="Deleting…"
      pending={deletion.isPending}
      destructive
      onConfirm={confirm}
    />
  );
}
