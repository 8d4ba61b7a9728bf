export { changeAccount, createAccount, DEMO_ACCOUNTS, DEMO_PASSWORD, resetPassword } from "./accounts";
export { writeSessionCookie } from "./cookie";
export { currentUser, requireRole, requireUser, signOut, userFromRequest } from "./current-user";
export { signIn } from "./sign-in";
