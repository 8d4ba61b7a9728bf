import { z } from "zod";
import { HttpError } from "@/lib/server/http";

const userIdSchema = z.coerce.number().int().positive();

/** The `[userId]` path segment as an account id; anything else is an account that doesn't exist. */
export function userIdParam(value: string): number {
  const result = userIdSchema.safeParse(value);
  if (!result.success) throw new HttpError(404, "not_found", "That account doesn't exist.");
  return result.data;
}
