import type { ChildProcess } from "node:child_process";

/** Waits up to a minute for `url` to answer below 500, failing early if `child` exits. */
export async function waitFor(url: string, child: ChildProcess, init?: RequestInit): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, init);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within a minute`);
}
