/**
 * The customer's name and phone, when the dealership's additional fields hold
 * them: guessed from the fields' names ("customer_name", "Mobile", "Phone No"),
 * as files from dealer systems name them.
 */
export interface CustomerContact {
  name: string | null;
  phone: string | null;
}

const NAME_FIELD = /(^|[^a-z])(customer|client|owner|full|first)?[\s_-]*name([^a-z]|$)/i;
const PHONE_FIELD = /phone|mobile|(^|[^a-z])(mob|tel|cell)([^a-z]|$)/i;
// Names of things other than the person: a dealer's, a salesperson's, a file's or a vehicle's.
const NOT_THE_CUSTOMER = /dealer|sales|staff|file|model|make|vehicle|user/i;

function firstMatching(fields: Record<string, unknown>, pattern: RegExp): string | null {
  for (const [name, value] of Object.entries(fields)) {
    if (!pattern.test(name) || NOT_THE_CUSTOMER.test(name)) continue;
    const shown = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
    if (shown !== "") return shown;
  }
  return null;
}

export function guessCustomerContact(fields: Record<string, unknown>): CustomerContact {
  return { name: firstMatching(fields, NAME_FIELD), phone: firstMatching(fields, PHONE_FIELD) };
}
