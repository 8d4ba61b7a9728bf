import { listAssignees } from "@/lib/server/db/lead-detail";
import { route } from "@/lib/server/http";

export const GET = route({}, async () => Response.json({ assignees: await listAssignees() }));
