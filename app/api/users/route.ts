import { createUserSchema } from "@/lib/auth/schemas";
import { createAccount } from "@/lib/server/auth";
import { listUsers } from "@/lib/server/db/users";
import { audit } from "@/lib/server/audit";
import { readJson, route } from "@/lib/server/http";

export const GET = route({ role: "admin" }, async () => Response.json({ users: await listUsers() }));

export const POST = route({ role: "admin" }, async ({ request, user }) => {
  const input = await readJson(request, createUserSchema);
  const created = await createAccount(input);
  await audit({
    user,
    action: "user.create",
    target: created.email,
    outcome: "success",
    detail: `role ${created.role}`,
  });
  return Response.json({ user: created }, { status: 201 });
});
