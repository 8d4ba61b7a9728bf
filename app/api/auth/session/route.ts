import { route } from "@/lib/server/http";

export const GET = route({}, async ({ user }) => Response.json({ user }));
