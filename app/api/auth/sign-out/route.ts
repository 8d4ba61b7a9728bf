import { signOut } from "@/lib/server/auth";
import { audit } from "@/lib/server/audit";
import { route } from "@/lib/server/http";

export const POST = route({}, async ({ request, user }) => {
  await signOut(request);
  await audit({ user, action: "auth.sign_out", target: user.email, outcome: "success" });
  return new Response(null, { status: 204 });
});
