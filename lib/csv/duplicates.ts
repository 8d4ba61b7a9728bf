import type { UploadCustomer } from "@/lib/csv/row-check";

/**
 * Which row for a car is sent: the first in the file, or the one with the newest sale
 * date (a car sold twice belongs to its latest buyer; rows without a sale date count as
 * the oldest, and of rows sold the same day the first is kept).
 */
export const DUPLICATE_POLICIES = ["keep-first", "keep-newest"] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

type RowsByKey = Map<string, number | number[]>;

/**
 * Rows for the same car: the same VIN, or the same rego in the same state. Only rows
 * that could be sent take part, so a broken first row doesn't hide a good later one;
 * a row repeating a repeat is a repeat too.
 */
export interface Duplicates {
  /** For each row, the index of the earlier row it repeats, or -1. */
  readonly of: Int32Array;
  /** Each row's CAR_* bits: which of VIN, rego and state it has (see recordCar). */
  readonly car: Uint8Array;
  /** Hashes of each row's VIN and rego (see recordCar); 0 where the row has none. */
  readonly vinHash: Int32Array;
  readonly regoHash: Int32Array;
  /** Every row by VIN and by rego with state; built at the first edit, as the full pass doesn't need it. */
  index?: { byVin: RowsByKey; byRego: RowsByKey };
}

export const CAR_VIN = 1;
export const CAR_REGO = 2;
export const CAR_STATE = 4;

export function createDuplicates(rows: number): Duplicates {
  return {
    of: new Int32Array(rows),
    car: new Uint8Array(rows),
    vinHash: new Int32Array(rows),
    regoHash: new Int32Array(rows),
  };
}

/** FNV-1a, 32 bits: cheap for keys as short as a VIN or a rego. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Records what the duplicate pass and the counts need of a row, just after it is
 * checked: its normalised VIN and rego are then fresh in the cache. Read later from
 * the customers, each row's object and strings would be cache misses, 100,000 times over.
 */
export function recordCar(duplicates: Duplicates, row: number, customer: UploadCustomer): void {
  const { vin, rego, state } = customer;
  duplicates.car[row] =
    (vin === undefined ? 0 : CAR_VIN) |
    (rego === undefined ? 0 : CAR_REGO) |
    (state === undefined ? 0 : CAR_STATE);
  duplicates.vinHash[row] = vin === undefined ? 0 : hashKey(vin);
  duplicates.regoHash[row] = rego === undefined ? 0 : hashKey(rego);
}

/** Says whether a row could be sent were it not a repeat; only such rows take part. */
export type CanBeSent = (row: number) => boolean;

function regoKey(customer: UploadCustomer | undefined): string | undefined {
  return customer?.rego ? `${customer.rego}|${customer.state ?? ""}` : undefined;
}

/**
 * The first row seen with each key (a VIN, a rego). A Map would do, but with 100,000
 * keys and more its lookups are mostly cache misses on entries and key strings; here a
 * lookup reads one (hash, row) pair and compares keys only when the 32-bit hashes agree.
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

  /** The first row registered with the key of `row` (whose hash is `hash`); when there is none, registers `row` and returns undefined. */
  firstOrAdd(hash: number, row: number): number | undefined {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = this.slots[slot * 2 + 1] ?? 0;
      if (stored === 0) {
        this.slots[slot * 2] = hash;
        this.slots[slot * 2 + 1] = row + 1;
        return undefined;
      }
      if (this.slots[slot * 2] === hash && this.keyOf(stored - 1) === this.keyOf(row)) return stored - 1;
    }
  }
}

/**
 * Marks each row of `rows` (ascending; all rows when undefined) that shares its VIN, or
 * its rego and state, with an earlier sendable row among them: the first such row. It
 * reads the hashes recordCar kept, and a row's customer only when a hash matches. Regos
 * are looked up on their own first, as a plate seldom appears in two states; only then
 * is the rego-and-state key built.
 */
function markRepeats(
  duplicates: Duplicates,
  customers: readonly UploadCustomer[],
  rows: readonly number[] | undefined,
  canBeSent: CanBeSent,
) {
  const { of, car, vinHash, regoHash } = duplicates;
  const count = rows ? rows.length : customers.length;
  const firstByVin = new FirstRowByKey(count, (row) => customers[row]?.vin);
  const firstByRego = new FirstRowByKey(count, (row) => customers[row]?.rego);
  const firstByRegoInOtherStates = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const row = rows ? (rows[i] ?? 0) : i;
    of[row] = -1;
    if (!canBeSent(row)) continue;
    const keys = car[row] ?? 0;
    const firstWithVin = keys & CAR_VIN ? firstByVin.firstOrAdd(vinHash[row] ?? 0, row) : undefined;
    let firstWithRego = keys & CAR_REGO ? firstByRego.firstOrAdd(regoHash[row] ?? 0, row) : undefined;
    if (firstWithRego !== undefined && customers[firstWithRego]?.state !== customers[row]?.state) {
      const key = regoKey(customers[row]) ?? "";
      firstWithRego = firstByRegoInOtherStates.get(key);
      if (firstWithRego === undefined) firstByRegoInOtherStates.set(key, row);
    }
    const first = firstWithVin ?? firstWithRego;
    if (first !== undefined) of[row] = first;
  }
}

/**
 * For keep-newest, after markRepeats: each row of a car points at the row of that car
 * with the newest sale date instead of the first, which points nowhere. `rows` as for
 * markRepeats: every row linked to a row in it is in it too.
 */
function pointAtNewest(
  duplicates: Duplicates,
  customers: readonly UploadCustomer[],
  rows: readonly number[] | undefined,
) {
  const { of } = duplicates;
  const count = rows ? rows.length : customers.length;
  // A repeat points at an earlier row, so in file order each row's first row is known before it.
  const firstOf = new Map<number, number>();
  const newestOf = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const row = rows ? (rows[i] ?? 0) : i;
    const earlier = of[row] ?? -1;
    if (earlier === -1) continue;
    const first = firstOf.get(earlier) ?? earlier;
    firstOf.set(row, first);
    const newest = newestOf.get(first) ?? first;
    // ISO dates compare as text; a missing date is older than any.
    if ((customers[row]?.sale_date ?? "") > (customers[newest]?.sale_date ?? "")) newestOf.set(first, row);
    else newestOf.set(first, newest);
  }
  for (const [row, first] of firstOf) {
    const newest = newestOf.get(first) ?? first;
    of[row] = row === newest ? -1 : newest;
    if (first !== newest) of[first] = newest;
  }
}

function decide(
  duplicates: Duplicates,
  customers: readonly UploadCustomer[],
  rows: readonly number[] | undefined,
  canBeSent: CanBeSent,
  policy: DuplicatePolicy,
) {
  markRepeats(duplicates, customers, rows, canBeSent);
  if (policy === "keep-newest") pointAtNewest(duplicates, customers, rows);
}

/** Decides the duplicates of the whole file into `duplicates.of`, sized for its rows. */
export function markAllDuplicates(
  duplicates: Duplicates,
  customers: readonly UploadCustomer[],
  canBeSent: CanBeSent,
  policy: DuplicatePolicy,
): void {
  duplicates.index = undefined;
  decide(duplicates, customers, undefined, canBeSent, policy);
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
  canBeSent: CanBeSent,
  policy: DuplicatePolicy,
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
  decide(duplicates, customers, affected, canBeSent, policy);
  return affected;
}
