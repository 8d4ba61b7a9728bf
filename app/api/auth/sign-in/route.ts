import { signInSchema } from "@/lib/auth/schemas";
import { signIn, writeSessionCookie } from "@/lib/server/auth";
import { clientAddress, isHttpsRequest, publicRoute, readJson } from "@/lib/server/http";

export const POST = publicRoute(async ({ request }) => {
  const { email, password } = await readJson(request, signInSchema);
  const { user, token } = await signIn({ email, password, address: clientAddress(request.headers) });
  await writeSessionCookie(token, isHttpsRequest(request.headers, request.nextUrl));
  return Response.json({ user });
});
