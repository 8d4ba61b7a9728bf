"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { customerLabel } from "@/components/customers/customer-display";
import { useDeleteCustomer } from "@/lib/queries/customers";
import type { Customer } from "@/lib/recapture/schemas";

export interface DeleteCustomerButtonProps {
  customer: Customer;
  /** The table page to return to once the customer is gone. */
  backHref: string;
}

export function DeleteCustomerButton({ customer, backHref }: DeleteCustomerButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const deletion = useDeleteCustomer();
  const label = customerLabel(customer);

  function confirm() {
    deletion.mutate(customer.id, {
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
      description={`${label} and its sightings will be removed from Recapture and no longer monitored. This can't be undone.`}
      confirmLabel="Delete customer"
      pendingLabel="Deleting…"
      pending={deletion.isPending}
      destructive
      onConfirm={confirm}
    />
  );
}
