export {
  authenticate,
  changeAccount,
  createAccount,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  resetPassword,
  seedDemoAccounts,
} from "./accounts";
export { SESSION_COOKIE, writeSessionCookie } from "./cookie";
export { currentUser, requireRole, requireUser, signOut, userFromRequest } from "./current-user";
export type { SessionUser } from "./sessions";
export { signIn, SIGN_IN_FAILED } from "./sign-in";
