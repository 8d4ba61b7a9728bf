import { z } from "zod";
import { formatCount } from "@/lib/format";
import { ROLES } from "./roles";

/** Account schemas, shared by the forms, the route handlers, the users CLI and the tests. */

/**
 * Longest accepted values. Every string a request carries has one, checked
 * before anything is stored, hashed or logged: 254 is the longest address an
 * email can be sent to (RFC 5321).
 */
export const ACCOUNT_TEXT_LIMITS = { email: 254, password: 1024, name: 100 } as const;

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .max(ACCOUNT_TEXT_LIMITS.email, `Use an email address of at most ${ACCOUNT_TEXT_LIMITS.email} characters`)
  .toLowerCase()
  .min(1, "Enter an email address")
  .pipe(z.email("Enter a valid email address, like name@dealership.com.au"));

const passwordTooLong = `Use a password of at most ${formatCount(ACCOUNT_TEXT_LIMITS.password)} characters`;

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(ACCOUNT_TEXT_LIMITS.password, passwordTooLong);

export const roleSchema = z.enum(ROLES, { error: `Choose one of: ${ROLES.join(", ")}` });

export const signInSchema = z.object({
  email: emailSchema,
  // Only presence is checked: rules for new passwords must not stop an older password from signing in.
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(ACCOUNT_TEXT_LIMITS.password, passwordTooLong),
});
export type SignIn = z.infer<typeof signInSchema>;

const nameSchema = z
  .string({ error: "Enter a name" })
  .trim()
  .max(ACCOUNT_TEXT_LIMITS.name, `Use a name of at most ${ACCOUNT_TEXT_LIMITS.name} characters`);

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema.optional(),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    name: nameSchema.nullable().optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), "Nothing to change");
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });
export type ResetPassword = z.infer<typeof resetPasswordSchema>;

/** An account as the API returns it: never the password hash. */
export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
