import { z } from "zod";
import { HttpError, pathParam } from "@/lib/server/http";

const userIdSchema = z.coerce.number().int().positive();

/** The `[userId]` path segment as an account id; anything else is an account that doesn't exist. */
export function userIdParam(value: string): number {
  return pathParam(userIdSchema, value, () => new HttpError(404, "not_found", "That account doesn't exist."));
}
