import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { inter } from "./fonts";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Recapture Dashboard", default: "Recapture Dashboard" },
  description: "Win back past customers when their cars come up for sale.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 page too, renders per request: a page built ahead of time has no nonce for proxy.ts's policy.
  await connection();
  return (
    <html lang="en-AU" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
