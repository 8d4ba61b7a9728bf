import { resetPasswordSchema } from "@/lib/auth/schemas";
import { resetPassword } from "@/lib/server/auth";
import { audit } from "@/lib/server/audit";
import { readJson, route } from "@/lib/server/http";
import { userIdParam } from "../user-id";

type Params = { userId: string };

export const POST = route<Params>({ role: "admin" }, async ({ request, user, params }) => {
  const id = userIdParam(params.userId);
  const { password } = await readJson(request, resetPasswordSchema);
  const updated = await resetPassword(id, password);
  await audit({ user, action: "user.password_reset", target: updated.email, outcome: "success" });
  return Response.json({ user: updated });
});
