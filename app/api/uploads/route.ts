import { route } from "@/lib/server/http";
import { listRegisteredUploads } from "@/lib/server/uploads/register";
import { registerPageQuerySchema } from "@/lib/uploads/register-schemas";

export const GET = route({ role: "viewer" }, async ({ request }) => {
  const { page, pageSize } = registerPageQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return Response.json({
    success: true,
    page,
    pageSize,
    ...(await listRegisteredUploads({ page, pageSize })),
  });
});
