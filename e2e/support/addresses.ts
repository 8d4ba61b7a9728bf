/**
 * A client address of a test's own, sent as X-Forwarded-For (the e2e server trusts one proxy):
 * random, so a retry or a rerun within the minute doesn't meet the lockout an earlier run left.
 */
export function someClientAddress(): string {
  const octet = () => Math.floor(Math.random() * 256);
  return `10.${octet()}.${octet()}.${octet()}`;
}
