import { expect, it } from "vitest";
import type { Customer } from "@/lib/recapture/schemas";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { testCustomer } from "@/lib/testing/test-customer";
import { additionalFieldNames, FIELD_NAMES_MAX, FIELD_NAMES_SAMPLE } from "./additional-field-names";
import { writeIndexPage } from "./customer-index";

async function index(customers: Customer[], region: "au" | "nz" = "au") {
  await writeIndexPage({ region, pass: 1, customers });
}

const customer = (additional_fields: Customer["additional_fields"]) => testCustomer({ additional_fields });

describeEachEngine("additional field names", () => {
  it("lists the fields customers have, most common first, without the dashboard's own", async () => {
    await index([
      customer({ customer_name: "Ann Smith", salesperson: "Priya", recapture_dashboard_part: "p-1" }),
      customer({ customer_name: "Bob Jones", branch: "Ringwood", recapture_dashboard_part: "p-1" }),
      customer({ customer_name: "Cat Lee", salesperson: "Tom", phone: null }),
      customer(null),
      customer({}),
    ]);
    // salesperson and branch/phone tie on count: the one a newer customer has comes first.
    expect(await additionalFieldNames("au")).toEqual(["customer_name", "salesperson", "phone", "branch"]);
  });

  it("answers for the region asked about", async () => {
    await index([customer({ customer_name: "Ann" })], "au");
    await index([customer({ kiwi_branch: "Albany" })], "nz");
    expect(await additionalFieldNames("nz")).toEqual(["kiwi_branch"]);
  });

  it(`reads only the newest ${FIELD_NAMES_SAMPLE.toLocaleString()} customers and names at most ${FIELD_NAMES_MAX} fields`, async () => {
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_, n) => [`field_${n}`, n]));
    await index([customer({ retired_field: "old" })]);
    await index(Array.from({ length: FIELD_NAMES_SAMPLE }, () => customer(wide)));
    const names = await additionalFieldNames("au");
    expect(names).toHaveLength(FIELD_NAMES_MAX);
    expect(names).not.toContain("retired_field");
  });

  it("remembers the answer for a minute", async () => {
    await index([customer({ customer_name: "Ann" })]);
    const now = Date.now();
    expect(await additionalFieldNames("au", now)).toEqual(["customer_name"]);
    await index([customer({ salesperson: "Tom" }), customer({ salesperson: "Mel" })]);
    expect(await additionalFieldNames("au", now + 59_000)).toEqual(["customer_name"]);
    expect(await additionalFieldNames("au", now + 60_000)).toEqual(["salesperson", "customer_name"]);
  });
});
