import { expect } from "vitest";
import { RecaptureError } from "@/lib/recapture/errors";

/** For the client's tests: the RecaptureError a call rejects with (the test fails if it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<RecaptureError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RecaptureError);
  return error as RecaptureError;
}
