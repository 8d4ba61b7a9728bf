import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { customerHref } from "@/components/customers/customers-search";
import type { CustomerIndexSearch } from "@/lib/customer-index/query-params";
import { vehicleName, type ReplaceVehicleResponse } from "@/lib/customers/replace-vehicle";

export interface ReplaceVehicleOutcomeProps {
  /** An answer whose old record wasn't (or may not have been) deleted. */
  answer: ReplaceVehicleResponse;
  from: CustomerIndexSearch;
}

const linkStyle = "font-medium text-red-900 underline underline-offset-2";

/** After a replacement that stopped half way: what exists now, with a link to each record. */
export function ReplaceVehicleOutcome({ answer, from }: ReplaceVehicleOutcomeProps) {
  const { customer, old_customer: old } = answer;
  return (
    <Alert tone="danger" title="The vehicle was only partly replaced">
      <p>{answer.message}</p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        <li>
          New record:{" "}
          <Link href={customerHref(customer.id, from)} className={linkStyle}>
            {vehicleName(customer)}
          </Link>
          , created just now, with no sightings yet.
        </li>
        <li>
          Old record:{" "}
          <Link href={customerHref(old.id, from)} className={linkStyle}>
            {old.vehicle}
          </Link>
          {old.state === "still_there"
            ? ", still there with its sightings (this page)."
            : ", may still be there (this page): reload to check."}
        </li>
      </ul>
    </Alert>
  );
}
