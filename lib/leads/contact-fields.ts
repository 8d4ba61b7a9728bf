/**
 * Which of the dealership's additional fields hold a customer's name and
 * phone number. Dealer systems export them under many names (customer_name,
 * "Full Name", First Name + Surname, Mobile, Phone No.), so the inbox guesses
 * from the field names the customers actually have; the guess is the
 * dealership's setting until someone sets one.
 */
export interface ContactFields {
  /** The fields whose values, joined with a space, are the name: one ("customer_name") or two (first, last). */
  name: string[];
  phone: string | null;
}

/** Fields about someone or something other than the customer: the salesperson's name is not the customer's. */
const SOMEONE_ELSE =
  /\b(sales|salesperson|staff|user|dealer|dealership|agent|rep|manager|branch|company|business|file|upload|product|model|make|vehicle|car|emergency|referr(er|al)|fax)\b/;

/** "Customer_Name", "customerName", "Full-name" → "customer name", "customer name", "full name". */
function words(field: string): string {
  return field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const WHOLE_NAME = /^(customer|client|contact|owner|buyer|purchaser|full|display)? ?name$/;
const FIRST_NAME = /^(customer |client |contact )?(first|given) ?name$/;
const LAST_NAME = /^(customer |client |contact )?(last ?name|surname|family name)$/;
const MOBILE = /\b(mobile|cell)\b/;
const PHONE = /\b(phone|telephone|tel|ph)\b/;

function firstMatching(fields: readonly { field: string; words: string }[], pattern: RegExp) {
  return fields.find((candidate) => pattern.test(candidate.words))?.field;
}

/** The best guess from the field names the customers have (most common first, as the index lists them). */
export function guessContactFields(fieldNames: readonly string[]): ContactFields {
  const fields = fieldNames
    .map((field) => ({ field, words: words(field) }))
    .filter((candidate) => !SOMEONE_ELSE.test(candidate.words));
  const whole = firstMatching(fields, WHOLE_NAME);
  const first = firstMatching(fields, FIRST_NAME);
  const last = firstMatching(fields, LAST_NAME);
  const anyName = firstMatching(fields, /\bname\b/);
  const name = whole
    ? [whole]
    : first || last
      ? [first, last].filter((f) => f !== undefined)
      : anyName
        ? [anyName]
        : [];
  // A mobile first: it's the number a salesperson calls, and texts.
  const phone = firstMatching(fields, MOBILE) ?? firstMatching(fields, PHONE) ?? null;
  return { name, phone };
}

function text(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** A customer's name and phone from their additional fields, as `contact` says where they are. */
export function contactOf(
  additionalFields: Readonly<Record<string, unknown>> | null,
  contact: ContactFields,
): { name: string | null; phone: string | null } {
  if (!additionalFields) return { name: null, phone: null };
  const name = contact.name.map((field) => text(additionalFields[field])).filter((part) => part !== null);
  return {
    name: name.length > 0 ? name.join(" ") : null,
    phone: contact.phone ? text(additionalFields[contact.phone]) : null,
  };
}

/**
 * One customer's name and phone guessed from their own fields' names: for a
 * page about one customer, where the dealership's other customers' fields are
 * not at hand. Same guess as the inbox's, so both show the same person.
 */
export function customerContact(additionalFields: Readonly<Record<string, unknown>>): {
  name: string | null;
  phone: string | null;
} {
  return contactOf(additionalFields, guessContactFields(Object.keys(additionalFields)));
}

/** A phone number as a tel: link: digits and a leading +, or null when there are too few digits to dial. */
export function telHref(phone: string): string | null {
  const dialable = phone.trim().replace(/(?!^\+)[^\d]/g, "");
  return dialable.replace(/\D/g, "").length >= 6 ? `tel:${dialable}` : null;
}
