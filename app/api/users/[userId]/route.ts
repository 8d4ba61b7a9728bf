import { updateUserSchema } from "@/lib/auth/schemas";
import { changeAccount } from "@/lib/server/auth";
import { audit } from "@/lib/server/audit";
import { readJson, route } from "@/lib/server/http";
import { userIdParam } from "./user-id";

type Params = { userId: string };

export const PATCH = route<Params>({ role: "admin" }, async ({ request, user, params }) => {
  const id = userIdParam(params.userId);
  const changes = await readJson(request, updateUserSchema);
  const updated = await changeAccount(user, id, changes);
  const detail = Object.entries(changes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
  await audit({ user, action: "user.update", target: updated.email, outcome: "success", detail });
  return Response.json({ user: updated });
});
