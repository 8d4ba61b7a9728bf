import "server-only";
import { guessContactFields, type ContactFields } from "@/lib/leads/contact-fields";
import type { Region } from "@/lib/recapture/regions";
import { additionalFieldNames } from "@/lib/server/db/additional-field-names";

/** Which additional fields hold the customers' name and phone: guessed from the names they have. */
export async function dealershipContactFields(region: Region): Promise<ContactFields> {
  return guessContactFields(await additionalFieldNames(region));
}
