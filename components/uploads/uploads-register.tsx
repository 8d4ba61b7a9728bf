"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { functionalUpdate, useTable, type PaginationState, type Updater } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import {
  dataTableFeatures,
  DEFAULT_PAGE_SIZE,
  isPageSize,
} from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { buttonStyles } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { registerColumns } from "@/components/uploads/register-columns";
import { uploadQueries } from "@/lib/queries/uploads";
import type { RegisterPage, RegisterPageQuery, RegisteredUpload } from "@/lib/uploads/register-schemas";

export interface UploadsRegisterProps {
  timeZone: string;
  canUpload: boolean;
  /** The page the server rendered with, shown without a loading flash. */
  initialPage: RegisterPage;
}

const NO_UPLOADS: RegisteredUpload[] = [];

/** `?page=2&size=50`, with the defaults left out so the plain /uploads link stays plain. */
function registerHref({ page, pageSize }: RegisterPageQuery): string {
  const params = new URLSearchParams();
  if (page !== 1) params.set("page", String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(pageSize));
  const search = params.toString();
  return search ? `/uploads?${search}` : "/uploads";
}

export function UploadsRegister({ timeZone, canUpload, initialPage }: UploadsRegisterProps) {
  const searchParams = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get("page") ?? "1", 10) || 1);
  const size = Number(searchParams.get("size"));
  const query = { page, pageSize: isPageSize(size) ? size : DEFAULT_PAGE_SIZE };
  const isInitial = query.page === initialPage.page && query.pageSize === initialPage.pageSize;
  const register = useQuery({
    ...uploadQueries.registerPage(query),
    initialData: isInitial ? initialPage : undefined,
  });
  const columns = useMemo(() => registerColumns({ timeZone, canCheck: canUpload }), [timeZone, canUpload]);
  const pagination: PaginationState = { pageIndex: query.page - 1, pageSize: query.pageSize };

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: register.data?.uploads ?? NO_UPLOADS,
    getRowId: (upload) => upload.id,
    manualPagination: true,
    rowCount: register.data?.total ?? 0,
    autoResetPageIndex: false,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      const pageSize = isPageSize(next.pageSize) ? next.pageSize : DEFAULT_PAGE_SIZE;
      // Each page gets its own history entry, so Back steps through pages as people expect.
      window.history.pushState(
        null,
        "",
        registerHref({ page: pageSize === query.pageSize ? next.pageIndex + 1 : 1, pageSize }),
      );
    },
  });

  if (register.isError) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <ErrorState
          title="Couldn't load the register"
          message={register.error.message}
          onRetry={() => void register.refetch()}
          retrying={register.isFetching}
        />
      </div>
    );
  }
  return (
    <section aria-label="Register of uploads" className="flex flex-col gap-3">
      <DataTable
        table={table}
        caption="Uploads, newest first"
        loadingLabel={register.isPending ? "Loading uploads…" : undefined}
        busy={register.isPlaceholderData}
        empty={
          <EmptyState
            title="No uploads yet"
            description="Uploads sent from this dashboard, or tracked by their id, are listed here with their progress."
            action={
              canUpload && (
                <Link href="/uploads/new" className={buttonStyles()}>
                  Upload customers
                </Link>
              )
            }
          />
        }
      />
      {!register.isPending && <DataTablePagination table={table} itemLabel="uploads" />}
    </section>
  );
}
