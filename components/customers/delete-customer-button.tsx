"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CustomerDeletedToast } from "@/components/customers/customer-deleted-toast";
import {
  sendCustomerDeleteNow,
  undoCustomerDelete,
  useUndoableDeleteCustomer,
} from "@/lib/queries/customers";

export interface DeleteCustomerButtonProps {
  customerId: string;
  /** How people know the customer: its rego or VIN (customerLabel). */
  label: string;
  /** The table page to return to once the customer is gone. */
  backHref: string;
}

const noticeId = (customerId: string) => `delete-customer-${customerId}`;

/** Brings the customer back while its delete still waits, and closes its notice. */
export function undoDelete(customerId: string) {
  if (undoCustomerDelete(customerId)) toast.dismiss(noticeId(customerId));
}

/**
 * Deletes at once from the person's point of view, with 10 seconds to undo
 * instead of a confirmation first: the customer leaves the page and the table
 * now, and the delete is sent when the notice ends (or is swiped away).
 */
export function DeleteCustomerButton({ customerId, label, backHref }: DeleteCustomerButtonProps) {
  const router = useRouter();
  const deleteUndoably = useUndoableDeleteCustomer();

  function remove() {
    const toastId = noticeId(customerId);
    const scheduled = deleteUndoably(customerId, {
      onSend: () => toast.dismiss(toastId),
      onError: (error) => toast.error(`Couldn't delete ${label}`, { description: error.message }),
    });
    if (!scheduled) return;
    toast.custom(() => <CustomerDeletedToast label={label} onUndo={() => undoDelete(customerId)} />, {
      id: toastId,
      // The delete's own timer ends the notice, so a pointer resting on it can't hold the delete back.
      duration: Infinity,
      onDismiss: () => void sendCustomerDeleteNow(customerId),
    });
    router.push(backHref);
  }

  return (
    <Button variant="secondary" onClick={remove}>
      Delete
    </Button>
  );
}
