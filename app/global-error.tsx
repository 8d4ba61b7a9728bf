"use client";

import { ErrorPanel } from "@/components/layout/error-panel";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-AU">
      <body>
        <ErrorPanel reset={reset} />
      </body>
    </html>
  );
}
