import { asHttpError } from "@/lib/server/http/errors";

/**
 * `fn` as a route sees it: each domain error it throws (at once or in its
 * promise) becomes the HttpError the route answers with, so a test can check
 * the status and code an API client gets.
 */
export function overHttp<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      const result = fn(...args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        throw asHttpError(error);
      }) as R;
    } catch (error) {
      throw asHttpError(error);
    }
  };
}
