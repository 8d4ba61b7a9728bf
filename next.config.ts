import type { NextConfig } from "next";
import { apiCacheControl, securityHeaders, strictTransportSecurity } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Database drivers load from node_modules at run time, never bundled: better-sqlite3 is a native
  // addon, and pg looks for optional modules (pg-native) bundlers can't resolve.
  serverExternalPackages: ["better-sqlite3", "pg"],
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project (tsc) as its own step; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      // Pages get their Content-Security-Policy, with a nonce, from proxy.ts; it replaces this one.
      { source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "development") },
      { source: "/api/:path*", headers: [apiCacheControl] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https(?:\\s*,.*)?" }],
        headers: [strictTransportSecurity],
      },
    ];
  },
};

export default nextConfig;
