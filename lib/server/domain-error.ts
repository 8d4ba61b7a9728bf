import "server-only";

/**
 * What kind of refusal a domain rule makes. The HTTP layer turns each into a
 * status (lib/server/http/errors.ts); the users CLI prints the message.
 */
export type DomainErrorKind =
  /** A value the caller sent has the wrong form. */
  | "invalid"
  /** Sign-in details that don't match an active account. */
  | "unauthenticated"
  /** The person may not do this. */
  | "forbidden"
  | "not_found"
  /** The records' present state doesn't allow it (an email in use, the last administrator). */
  | "conflict"
  /** Well-formed, but it doesn't add up with what is recorded (unknown parts, counts that differ). */
  | "inconsistent"
  | "too_many_attempts"
  /** Turned away for a moment; nothing was done, so trying again is safe. */
  | "busy"
  /** The Recapture API failed, and the outcome is open; `upstreamStatus` is what it answered, if anything. */
  | "upstream_failed";

export interface DomainErrorDetails {
  /** Per-field messages, as `{ email: "Already in use" }`. */
  fields?: Record<string, string>;
  /** When trying again makes sense (too_many_attempts, busy). */
  retryAfterSeconds?: number;
  /** upstream_failed: the status the Recapture API answered with. */
  upstreamStatus?: number;
}

/**
 * Next builds start-up (instrumentation.ts) and each route into bundles of their own, each with
 * its own copy of this module, and what start-up makes and keeps on globalThis (the password
 * hashing queue, say) throws the start-up copy's errors. This brand, the same in every copy,
 * keeps `instanceof DomainError` true for all of them.
 */
const BRAND = Symbol.for("recapture-dashboard.domain-error");

/** A rule of the dealership's records refused an action; `message` is for the person who asked. */
export class DomainError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype check.
    if (this !== DomainError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && BRAND in value;
  }

  readonly [BRAND] = true;
  override readonly name = "DomainError";
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly upstreamStatus: number | undefined;

  constructor(
    readonly kind: DomainErrorKind,
    /** The stable code API clients see, e.g. `email_taken`. */
    readonly code: string,
    message: string,
    details: DomainErrorDetails = {},
  ) {
    super(message);
    this.fields = details.fields;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.upstreamStatus = details.upstreamStatus;
  }
}
