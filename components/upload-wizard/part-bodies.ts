import { buildUploadPayloads, type Review, type UploadSettings } from "@/lib/csv";

/**
 * Next.js buffers a request body for proxy.ts only up to 10 MB (its default
 * experimental.proxyClientMaxBodySize) and cuts the rest, so the route then reads broken
 * JSON. A part therefore stays under this size, whatever number of customers the API
 * would take in one upload.
 */
export const MAX_PART_BYTES = 9 * 1024 * 1024;

const encoder = new TextEncoder();

/**
 * The JSON bodies of the upload requests: parts of at most `maxCustomersPerUpload`
 * customers, made smaller (and more) when a part would be over `maxPartBytes`.
 */
export function partBodies(
  review: Review,
  settings: UploadSettings,
  maxCustomersPerUpload: number,
  maxPartBytes = MAX_PART_BYTES,
): string[] {
  let perPart = maxCustomersPerUpload;
  for (;;) {
    const bodies = buildUploadPayloads(review, settings, perPart).map((payload) => JSON.stringify(payload));
    const largest = Math.max(0, ...bodies.map((body) => encoder.encode(body).length));
    if (largest <= maxPartBytes || perPart === 1) return bodies;
    // Customers differ in size, so aim a little under and check again.
    perPart = Math.max(1, Math.floor(((perPart * maxPartBytes) / largest) * 0.95));
  }
}
