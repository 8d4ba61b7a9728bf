import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { closeDatabase, openDatabase } from "@/lib/server/db";
import { insertUser } from "@/lib/server/db/users";
import { forgetSettings } from "@/lib/server/env";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { SESSION_COOKIE, sealSessionToken } from "./cookie";
import { userFromRequest } from "./current-user";
import { createSession } from "./sessions";

vi.stubEnv("RECAPTURE_API_KEY", "");

/**
 * Several instances share one database (or the users CLI shares a SQLite
 * file): a session ended on one must be refused by all at their next request,
 * although each remembers the cookies it has already unsealed.
 */
describeEachEngine("the session behind a request's cookie", (engine) => {
  async function signedInElsewhereToo() {
    const url = await engine.persistentUrl();
    // This case needs a database it can open twice, instead of the fresh one describeEachEngine opened.
    await closeDatabase();
    vi.stubEnv("DATABASE_URL", url);
    forgetSettings();
    const user = (await insertUser({
      email: "sam@dealer.test",
      name: null,
      role: "staff",
      passwordHash: "x",
    }))!;
    const cookie = await sealSessionToken(await createSession(user.id));
    const request = new NextRequest("http://localhost:3000/api/auth/session", {
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    // Resolved once here, so this instance now remembers the unsealed cookie.
    expect(await userFromRequest(request)).toMatchObject({ email: "sam@dealer.test" });
    return { request, user, elsewhere: await openDatabase(url) };
  }

  it("is refused at the next request once another instance has ended it", async () => {
    const { request, elsewhere } = await signedInElsewhereToo();
    await elsewhere.kysely.deleteFrom("sessions").execute();
    await elsewhere.close();
    expect(await userFromRequest(request)).toBeUndefined();
  });

  it("is refused at the next request once another instance has disabled its account", async () => {
    const { request, user, elsewhere } = await signedInElsewhereToo();
    await elsewhere.kysely.updateTable("users").set({ disabled: 1 }).where("id", "=", user.id).execute();
    await elsewhere.close();
    expect(await userFromRequest(request)).toBeUndefined();
  });
});
