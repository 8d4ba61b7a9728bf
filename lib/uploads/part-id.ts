/**
 * A fresh id for a part the wizard is about to send (a version 4 UUID). Built
 * from getRandomValues because crypto.randomUUID only exists on https pages and
 * localhost, and a dealership may open the dashboard over plain http on its network.
 */
export function newPartId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
