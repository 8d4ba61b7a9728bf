/**
 * The page sizes every table offers. Apart from the table features so that server code reading a
 * page size from a URL (GET /api/customers, say) doesn't load the table library with it.
 */
export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

export function isPageSize(value: number): value is PageSize {
  return (PAGE_SIZES as readonly number[]).includes(value);
}
