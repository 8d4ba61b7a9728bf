import { ROW_ERROR, type UploadCustomer } from "@/lib/csv/row-check";

/** keep-first: later rows for the same car are not sent; keep-all: they are sent, with a warning. */
export type DuplicatePolicy = "keep-first" | "keep-all";

type RowsByKey = Map<string, number | number[]>;

/**
 * Rows for the same car: the same VIN, or the same rego in the same state. Only rows
 * that could be sent take part, so a broken first row doesn't hide a good later one;
 * a row repeating a repeat is a repeat too.
 */
export interface Duplicates {
  /** For each row, the index of the earlier row it repeats, or -1. */
  readonly of: Int32Array;
  /** Every row by VIN and by rego with state; built at the first edit, as the full pass doesn't need it. */
  index?: { byVin: RowsByKey; byRego: RowsByKey };
}

/** Each row's own status: only rows without an error of their own can be kept. */
type OwnStatus = Uint8Array;

function regoKey(customer: UploadCustomer | undefined): string | undefined {
  return customer?.rego ? `${customer.rego}|${customer.state ?? ""}` : undefined;
}

/**
 * The first row seen with each key (a VIN, a rego). A Map would do, but with 100,000
 * keys and more its lookups are mostly cache misses on entries and key strings; here a
 * lookup reads one (hash, row) pair and compares strings only when the 32-bit hashes agree.
 */
class FirstRowByKey {
  // Pairs of [hash, row + 1]; a row of 0 marks an empty slot.
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    keys: number,
    private readonly keyOf: (row: number) => string | undefined,
  ) {
    let capacity = 16;
    while (capacity < keys * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** The first row registered with `key`; when there is none, registers `row` and returns undefined. */
  firstOrAdd(key: string, row: number): number | undefined {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = this.slots[slot * 2 + 1] ?? 0;
      if (stored === 0) {
        this.slots[slot * 2] = hash;
        this.slots[slot * 2 + 1] = row + 1;
        return undefined;
      }
      if (this.slots[slot * 2] === hash && this.keyOf(stored - 1) === key) return stored - 1;
    }
  }
}

/**
 * Marks each row of `rows` (ascending; all rows when undefined) that shares its VIN, or
 * its rego and state, with an earlier sendable row among them: the first such row. Regos
 * are looked up on their own first, as a plate seldom appears in two states; only then
 * is the rego-and-state key built.
 */
function markRepeats(of: Int32Array, customers: readonly UploadCustomer[], rows: readonly number[] | undefined, ownStatus: OwnStatus) {
  const count = rows ? rows.length : customers.length;
  const firstByVin = new FirstRowByKey(count, (row) => customers[row]?.vin);
  const firstByRego = new FirstRowByKey(count, (row) => customers[row]?.rego);
  const firstByRegoInOtherStates = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const row = rows ? (rows[i] ?? 0) : i;
    of[row] = -1;
    const customer = customers[row];
    if (ownStatus[row] === ROW_ERROR || !customer) continue;
    const { vin, rego, state } = customer;
    const firstWithVin = vin === undefined ? undefined : firstByVin.firstOrAdd(vin, row);
    let firstWithRego = rego === undefined ? undefined : firstByRego.firstOrAdd(rego, row);
    if (firstWithRego !== undefined && customers[firstWithRego]?.state !== state) {
      const key = regoKey(customer) ?? "";
      firstWithRego = firstByRegoInOtherStates.get(key);
      if (firstWithRego === undefined) firstByRegoInOtherStates.set(key, row);
    }
    const first = firstWithVin ?? firstWithRego;
    if (first !== undefined) of[row] = first;
  }
}

/** Decides the duplicates of the whole file into `duplicates.of`, sized for its rows. */
export function markAllDuplicates(duplicates: Duplicates, customers: readonly UploadCustomer[], ownStatus: OwnStatus): void {
  markRepeats(duplicates.of, customers, undefined, ownStatus);
}

function addRow(rowsByKey: RowsByKey, key: string | undefined, row: number) {
  if (key === undefined) return;
  const rows = rowsByKey.get(key);
  if (rows === undefined) rowsByKey.set(key, row);
  else if (typeof rows === "number") rowsByKey.set(key, [rows, row]);
  else rows.push(row);
}

function removeRow(rowsByKey: RowsByKey, key: string | undefined, row: number) {
  if (key === undefined) return;
  const rows = rowsByKey.get(key);
  if (rows === row) rowsByKey.delete(key);
  else if (Array.isArray(rows)) {
    const remaining = rows.filter((other) => other !== row);
    rowsByKey.set(key, remaining.length === 1 ? (remaining[0] ?? row) : remaining);
  }
}

function rowsOf(rowsByKey: RowsByKey, key: string | undefined): readonly number[] {
  const rows = key === undefined ? undefined : rowsByKey.get(key);
  return typeof rows === "number" ? [rows] : (rows ?? []);
}

function indexRows(customers: readonly UploadCustomer[]) {
  const byVin: RowsByKey = new Map();
  const byRego: RowsByKey = new Map();
  customers.forEach((customer, row) => {
    addRow(byVin, customer.vin, row);
    addRow(byRego, regoKey(customer), row);
  });
  return { byVin, byRego };
}

/**
 * After `row` changed from `previous` to `customers[row]`, decides again the duplicates
 * of every row linked to it through shared VINs or regos (transitively) and returns
 * those rows, ascending. Rows elsewhere in the file are untouched.
 */
export function updateDuplicates(
  duplicates: Duplicates,
  customers: readonly UploadCustomer[],
  ownStatus: OwnStatus,
  row: number,
  previous: UploadCustomer | undefined,
): number[] {
  const current = customers[row];
  let index = duplicates.index;
  if (index === undefined) {
    index = duplicates.index = indexRows(customers);
  } else {
    removeRow(index.byVin, previous?.vin, row);
    removeRow(index.byRego, regoKey(previous), row);
    addRow(index.byVin, current?.vin, row);
    addRow(index.byRego, regoKey(current), row);
  }

  const linked = new Set<number>([row]);
  const vins = [previous?.vin, current?.vin];
  const regos = [regoKey(previous), regoKey(current)];
  const seen = new Set<string>();
  const follow = (rows: readonly number[]) => {
    for (const other of rows) {
      if (linked.has(other)) continue;
      linked.add(other);
      vins.push(customers[other]?.vin);
      regos.push(regoKey(customers[other]));
    }
  };
  while (vins.length > 0 || regos.length > 0) {
    const vin = vins.pop();
    if (vin !== undefined && !seen.has(`v${vin}`)) {
      seen.add(`v${vin}`);
      follow(rowsOf(index.byVin, vin));
    }
    const rego = regos.pop();
    if (rego !== undefined && !seen.has(`r${rego}`)) {
      seen.add(`r${rego}`);
      follow(rowsOf(index.byRego, rego));
    }
  }
  const affected = [...linked].sort((a, b) => a - b);
  markRepeats(duplicates.of, customers, affected, ownStatus);
  return affected;
}
