import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerDetail } from "@/components/customers/customer-detail";
import { searchParamsFrom } from "@/components/data-table/table-page";
import { hasRole } from "@/lib/auth/roles";
import { parseCustomerIndexSearch } from "@/lib/customer-index/query-params";
import { customerIdSchema } from "@/lib/recapture/schemas";
import { requireUser } from "@/lib/server/auth";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "Customer" };

interface CustomerPageProps {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CustomerPage({ params, searchParams }: CustomerPageProps) {
  const user = await requireUser();
  const { customerId } = await params;
  const id = customerIdSchema.safeParse(customerId);
  if (!id.success) notFound();
  return (
    <CustomerDetail
      // A new customer gets a fresh page: no edit form left open from the last one.
      key={id.data}
      customerId={id.data}
      timeZone={env().DEALERSHIP_TIME_ZONE}
      canEdit={hasRole(user.role, "staff")}
      from={parseCustomerIndexSearch(searchParamsFrom(await searchParams))}
    />
  );
}
