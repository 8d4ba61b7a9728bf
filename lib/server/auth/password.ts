import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { HashingQueue } from "./hashing-queue";

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (base64), so the cost can be
 * raised later without invalidating existing hashes: each hash carries its own.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;
// N=2^15 with r=8 needs 32 MiB; Node's default ceiling is exactly that, so leave headroom.
const MAX_MEMORY = 64 * 1024 * 1024;

// Two hashes at a time leave two of libuv's four threads for file work; with eight
// waiting, a sign-in waits at most about half a second (0.1 s a hash) before its own check.
const holder = globalThis as typeof globalThis & { passwordHashing?: HashingQueue };
const hashing = () => (holder.passwordHashing ??= new HashingQueue(2, 8));

function derive(password: string, salt: Buffer, cost: typeof COST, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return hashing().run(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, length, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64"),
    { N: Number(N), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/**
 * A real hash of a random password, computed once. Checking against it when the
 * email is unknown makes that answer take as long as a wrong password, so the
 * response time does not reveal which emails have accounts. If hashing it is
 * turned away (a storm filled the queue), the next call tries again.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString("hex")).catch((error: unknown) => {
    decoy = undefined;
    throw error;
  });
  return decoy;
}
