import type { Metadata } from "next";
import Link from "next/link";
import { CustomerCreateForm } from "@/components/customers/customer-create-form";
import { PageHeader } from "@/components/layout/page-header";
import { requireRole } from "@/lib/server/auth";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  await requireRole("staff");
  return (
    <div className="flex flex-col gap-3">
      <Link href="/customers" className="text-sm font-medium text-brand-700 hover:underline">
        ← Back to customers
      </Link>
      <PageHeader
        title="New customer"
        description={
          <>
            Add one customer for Recapture to watch. For many at once,{" "}
            <Link href="/uploads/new" className="font-medium text-brand-700 hover:underline">
              upload a CSV
            </Link>
            .
          </>
        }
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <CustomerCreateForm />
      </div>
    </div>
  );
}
