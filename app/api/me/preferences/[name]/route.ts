import {
  PREFERENCE_MAX_BYTES,
  preferenceNameSchema,
  preferenceRequestSchema,
  type PreferenceName,
} from "@/lib/preferences/user-preferences";
import { audit } from "@/lib/server/audit";
import { findUserPreference, saveUserPreference } from "@/lib/server/db/user-preferences";
import { HttpError, pathParam, readJson, route } from "@/lib/server/http";

type Params = { name: string };

function preferenceName(value: string): PreferenceName {
  return pathParam(
    preferenceNameSchema,
    value,
    () => new HttpError(404, "not_found", "There is no such preference."),
  );
}

/** The signed-in person's own choice (which columns a table shows), or null before they make one. */
export const GET = route<Params>({}, async ({ user, params }) =>
  Response.json({ value: await findUserPreference(user.id, preferenceName(params.name)) }),
);

export const PUT = route<Params>({}, async ({ request, user, params }) => {
  const name = preferenceName(params.name);
  // The body is the value and a few bytes around it.
  const { value } = await readJson(request, preferenceRequestSchema(name), {
    maxBytes: PREFERENCE_MAX_BYTES + 64,
  });
  await saveUserPreference(user.id, name, value);
  // Turning one's email off (or on) is a change an admin may be asked about; column choices are not.
  if (name === "email:leads")
    await audit({
      user,
      action: "user.email_preference",
      target: user.email,
      outcome: "success",
      detail: value ? "on" : "off",
    });
  return Response.json({ value });
});
