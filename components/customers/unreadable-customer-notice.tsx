import { Alert } from "@/components/ui/alert";
import type { UnreadableCustomer } from "@/lib/recapture/schemas";

export interface UnreadableCustomerNoticeProps {
  customer: UnreadableCustomer;
  /** What this means where the notice stands; in a table, that the other rows are fine. */
  context?: string;
}

/** Stands in for a customer whose record from the API couldn't be read, so the rest of the page still shows. */
export function UnreadableCustomerNotice({
  customer,
  context = "The other customers are shown as usual.",
}: UnreadableCustomerNoticeProps) {
  return (
    // Sticky, so on a narrow screen the notice stays in view while the wide table scrolls sideways.
    <Alert
      tone="warning"
      className="sticky left-3 max-w-[calc(100vw-4rem)] sm:max-w-3xl"
      title={
        <>
          This customer&apos;s record from the Recapture API couldn&apos;t be read
          {customer.id && (
            <>
              {" "}
              (id <span className="break-all font-mono text-xs">{customer.id}</span>)
            </>
          )}
          .
        </>
      }
    >
      <p>
        {context} For your administrator: {customer.problem}
      </p>
    </Alert>
  );
}
