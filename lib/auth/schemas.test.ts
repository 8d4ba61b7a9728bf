import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createUserSchema, resetPasswordSchema, signInSchema, updateUserSchema } from "./schemas";

/** [field, message] for each problem the schema finds. */
const problems = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

const email = (length: number) => `${"a".repeat(length - "@dealer.test".length)}@dealer.test`;

describe("account schemas", () => {
  it("take an email of up to 254 characters and name the field past that, without checking its form", () => {
    expect(signInSchema.safeParse({ email: email(254), password: "x" }).success).toBe(true);
    expect(problems(signInSchema, { email: email(255), password: "x" })).toEqual([
      ["email", "Use an email address of at most 254 characters"],
    ]);
    expect(problems(signInSchema, { email: email(900_000), password: "x" })).toEqual([
      ["email", "Use an email address of at most 254 characters"],
    ]);
  });

  it("take a password of up to 1,024 characters when signing in, creating or resetting", () => {
    const message = "Use a password of at most 1,024 characters";
    expect(signInSchema.safeParse({ email: email(20), password: "p".repeat(1024) }).success).toBe(true);
    expect(problems(signInSchema, { email: email(20), password: "p".repeat(1025) })).toEqual([
      ["password", message],
    ]);
    expect(problems(resetPasswordSchema, { password: "p".repeat(1025) })).toEqual([["password", message]]);
    expect(
      problems(createUserSchema, { email: email(20), role: "staff", password: "p".repeat(1025) }),
    ).toEqual([["password", message]]);
  });

  it("take a name of up to 100 characters when adding or changing an account", () => {
    const message = "Use a name of at most 100 characters";
    const account = { email: email(20), role: "staff", password: "long-enough-password" };
    expect(createUserSchema.safeParse({ ...account, name: "n".repeat(100) }).success).toBe(true);
    expect(problems(createUserSchema, { ...account, name: "n".repeat(101) })).toEqual([["name", message]]);
    expect(problems(updateUserSchema, { name: "n".repeat(101) })).toEqual([["name", message]]);
    expect(problems(updateUserSchema, { role: "x".repeat(10_000) })?.[0]?.[0]).toBe("role");
  });
});
