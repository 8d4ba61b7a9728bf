/**
 * Manage dashboard accounts from the command line, e.g. the first administrator of a live deployment:
 *
 *   npm run users -- add --email you@dealership.com.au --role admin [--name "Your Name"]
 *   npm run users -- reset-password --email you@dealership.com.au
 *   npm run users -- enable --email you@dealership.com.au
 *   npm run users -- list
 *
 * reset-password and enable are also the way back in when no administrator can sign in.
 *
 * Passwords are read from a hidden prompt, or from the first line of stdin when it is piped
 * (`printf '%s\n' "$PASSWORD" | npm run users -- add …`): never from an argument, which would
 * land in shell history and the process list.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { createUserSchema, emailSchema, passwordSchema } from "@/lib/auth/schemas";
import { createAccount, enableAccount, resetPassword } from "@/lib/server/auth/accounts";
import { closeDatabase } from "@/lib/server/db";
import { findUserByEmail, listUsers } from "@/lib/server/db/users";
import { DomainError } from "@/lib/server/domain-error";

const USAGE = `Usage:
  npm run users -- add --email <email> --role <admin|manager|staff|viewer> [--name <name>]
  npm run users -- reset-password --email <email>
  npm run users -- enable --email <email>
  npm run users -- list`;

/** Reads a password without echoing it, or the first line of piped stdin. */
async function readPassword(prompt: string): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
  if (!process.stdin.isTTY) {
    for await (const line of lines) return line;
    return "";
  }
  const output = process.stdout;
  output.write(prompt);
  // Swallow the echo of each key press while the password is typed.
  (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  return new Promise((resolve) =>
    lines.question("", (answer) => {
      lines.close();
      output.write("\n");
      resolve(answer);
    }),
  );
}

async function newPassword(): Promise<string> {
  const password = await readPassword("Password (at least 12 characters): ");
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) fail(`Password: ${checked.error.issues[0]?.message}`);
  if (process.stdin.isTTY && (await readPassword("Repeat the password: ")) !== password)
    fail("The passwords don't match.");
  return password;
}

/** The account named by --email, or the reason there is none. */
async function accountNamed(value: string | undefined) {
  const email = emailSchema.safeParse(value);
  if (!email.success) fail(`--email: ${email.error.issues[0]?.message}`);
  return (await findUserByEmail(email.data)) ?? fail(`No account has the email ${email.data}.`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  nextEnv.loadEnvConfig(process.cwd());
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [command] = positionals;

  switch (command) {
    case "add": {
      const input = createUserSchema.omit({ password: true }).safeParse(values);
      if (!input.success)
        fail(input.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
      const user = await createAccount({ ...input.data, password: await newPassword() });
      console.log(`Created ${user.role} account ${user.email}.`);
      break;
    }
    case "reset-password": {
      const user = await accountNamed(values.email);
      await resetPassword(user.id, await newPassword());
      console.log(`Password reset for ${user.email}; their sessions have ended.`);
      break;
    }
    case "enable": {
      const user = await enableAccount((await accountNamed(values.email)).id);
      console.log(`Enabled ${user.role} account ${user.email}; it can sign in again.`);
      break;
    }
    case "list":
      for (const user of await listUsers()) {
        console.log(
          [
            user.email.padEnd(36),
            user.role.padEnd(7),
            user.disabled ? "disabled" : "active",
            user.name ?? "",
          ].join("  "),
        );
      }
      break;
    default:
      fail(USAGE);
  }
}

// A refusal of the accounts' rules (an email in use, no such account) is said in its own words.
await main().catch((error: unknown) => {
  if (error instanceof DomainError) fail(error.message);
  throw error;
});
// A PostgreSQL pool would otherwise keep the command waiting on its idle connections.
await closeDatabase();
