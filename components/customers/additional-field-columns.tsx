"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { additionalFieldText } from "@/components/customers/customer-display";
import { customerCell, empty } from "@/components/customers/customers-columns";
import { fieldColumnId } from "@/lib/customer-index/field-names";
import { additionalFieldNameQueries } from "@/lib/queries/additional-field-names";
import type { CustomerListEntry } from "@/lib/recapture/schemas";

const helper = createColumnHelper<DataTableFeatures, CustomerListEntry>();

export const ADDITIONAL_FIELDS_GROUP = "Additional fields";

/** One column per additional field (customer_name, salesperson…), headed by the field's name. */
export function additionalFieldColumns(names: readonly string[]) {
  return helper.columns(
    names.map((name) =>
      helper.display({
        id: fieldColumnId(name),
        header: name,
        meta: { label: name, menuGroup: ADDITIONAL_FIELDS_GROUP, className: "max-w-64 break-words" },
        cell: customerCell((customer) => additionalFieldText(customer.additional_fields?.[name]) || empty),
      }),
    ),
  );
}

const NO_NAMES: string[] = [];

/**
 * The columns of the additional fields the dealership's customers have, and
 * their ids: hidden until a person chooses to show them.
 */
export function useAdditionalFieldColumns() {
  const { data: names = NO_NAMES } = useQuery(additionalFieldNameQueries.list());
  return useMemo(
    () => ({ columns: additionalFieldColumns(names), hiddenByDefault: names.map(fieldColumnId) }),
    [names],
  );
}
