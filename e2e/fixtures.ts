import {
  test as base,
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type BrowserContextOptions,
} from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { SignInPage } from "./pages/sign-in-page";
import { UsersPage } from "./pages/users-page";

/**
 * Shared Playwright fixtures (cal.com style). Every spec imports `test` and
 * `expect` from here:
 *
 *   test.use({ role: "staff" });                 // `page` is signed in as staff@demo.local
 *   test("…", async ({ page, api, shell }) => …) // `api` calls routes as that account, same-origin
 *
 * Each role signs in once per worker through the API (not the form: fast) and
 * its cookies are reused by every test. Tests that end a session (sign out,
 * password reset, disabling) must use their own account or sign in themselves.
 */

export type Role = "admin" | "manager" | "staff" | "viewer";

export const DEMO_PASSWORD = "demo-password";
export const demoEmail = (role: Role) => `${role}@demo.local`;

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

interface Fixtures {
  /** Who `page` and `api` are signed in as; undefined (the default) means signed out. */
  role: Role | undefined;
  /** JSON requests as `role`, with this app's Origin so writes pass the same-origin check. */
  api: APIRequestContext;
  /** The same for any role (or signed out), e.g. an admin creating an account for the test to use. */
  apiAs: (role: Role | undefined) => Promise<APIRequestContext>;
  signInPage: SignInPage;
  shell: AppShell;
  usersPage: UsersPage;
}

interface WorkerFixtures {
  /** Cookies of a signed-in session for a demo role, created on first use in this worker. */
  sessionFor: (role: Role) => Promise<StorageState>;
  /** Waits, once per worker, for the customer index's start-up pass, so its reads don't land in a test's journal. */
  customerIndexSettled: void;
}

/** Signs in through the API and returns the cookies, for a context or request context to start from. */
export async function signInViaApi(baseURL: string, email: string, password: string): Promise<StorageState> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  try {
    const response = await context.post("/api/auth/sign-in", { data: { email, password } });
    expect(response.status(), `sign in as ${email}`).toBe(200);
    return await context.storageState();
  } finally {
    await context.dispose();
  }
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  role: [undefined, { option: true }],

  sessionFor: [
    async ({}, provide, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      const sessions = new Map<Role, Promise<StorageState>>();
      await provide((role) => {
        if (!sessions.has(role)) sessions.set(role, signInViaApi(baseURL, demoEmail(role), DEMO_PASSWORD));
        return sessions.get(role)!;
      });
    },
    { scope: "worker" },
  ],

  customerIndexSettled: [
    async ({ sessionFor }, provide, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      const context = await playwrightRequest.newContext({
        baseURL,
        storageState: await sessionFor("viewer"),
      });
      await expect
        .poll(
          async () => {
            const { status } = await (await context.get("/api/customers/index-status")).json();
            return status.ready && !status.progress && !status.requested;
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      await context.dispose();
      await provide();
    },
    { scope: "worker", auto: true },
  ],

  storageState: async ({ role, sessionFor, storageState }, provide) => {
    await provide(role ? await sessionFor(role) : storageState);
  },

  apiAs: async ({ baseURL, sessionFor }, provide) => {
    const contexts: APIRequestContext[] = [];
    await provide(async (role) => {
      const storageState = role ? await sessionFor(role) : undefined;
      const context = await playwrightRequest.newContext({
        baseURL,
        storageState,
        extraHTTPHeaders: { Origin: baseURL! },
      });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.dispose()));
  },

  api: async ({ apiAs, role }, provide) => provide(await apiAs(role)),

  signInPage: async ({ page }, provide) => provide(new SignInPage(page)),
  shell: async ({ page }, provide) => provide(new AppShell(page)),
  usersPage: async ({ page }, provide) => provide(new UsersPage(page)),
});

export { expect };
