import { describe, expect, it } from "vitest";
import { contactOf, customerContact, guessContactFields, telHref } from "./contact-fields";

describe("guessContactFields", () => {
  it("finds the demo's customer_name and no phone", () => {
    expect(
      guessContactFields(["customer_name", "salesperson", "branch", "customer_type", "market_source"]),
    ).toEqual({ name: ["customer_name"], phone: null });
  });

  it("prefers a whole name over first and last, and reads camel case and spaces", () => {
    expect(guessContactFields(["First Name", "Surname", "Full Name"]).name).toEqual(["Full Name"]);
    expect(guessContactFields(["customerName"]).name).toEqual(["customerName"]);
  });

  it("joins first and last name fields when there is no whole name", () => {
    expect(guessContactFields(["Surname", "Given Name", "Email"]).name).toEqual(["Given Name", "Surname"]);
    expect(guessContactFields(["last_name"]).name).toEqual(["last_name"]);
  });

  it("never takes someone else's name or number", () => {
    expect(
      guessContactFields([
        "Salesperson Name",
        "Dealer Phone",
        "Branch name",
        "Sales rep mobile",
        "File name",
      ]),
    ).toEqual({ name: [], phone: null });
  });

  it("falls back to any other name field", () => {
    expect(guessContactFields(["Account", "Trading name"]).name).toEqual(["Trading name"]);
  });

  it("prefers a mobile to another phone", () => {
    expect(guessContactFields(["Home Phone", "Mobile No", "Ph"]).phone).toBe("Mobile No");
    expect(guessContactFields(["Telephone"]).phone).toBe("Telephone");
    expect(guessContactFields(["phone_number"]).phone).toBe("phone_number");
    expect(guessContactFields(["graphics"]).phone).toBeNull();
  });
});

describe("contactOf", () => {
  const contact = { name: ["first", "last"], phone: "mobile" };

  it("reads the name and phone from the customer's fields", () => {
    expect(contactOf({ first: " Olivia ", last: "Smith", mobile: 412345678 }, contact)).toEqual({
      name: "Olivia Smith",
      phone: "412345678",
    });
  });

  it("says null for what is missing, blank or not text", () => {
    expect(contactOf({ first: "", last: null, mobile: { x: 1 } }, contact)).toEqual({
      name: null,
      phone: null,
    });
    expect(contactOf(null, contact)).toEqual({ name: null, phone: null });
    expect(contactOf({ first: "Olivia" }, { name: [], phone: null })).toEqual({ name: null, phone: null });
  });
});

describe("customerContact", () => {
  it("guesses from one customer's own fields, as the lead page does", () => {
    expect(customerContact({ customer_name: "Ann Smith", "Mobile No": "0400 000 000", vip: true })).toEqual({
      name: "Ann Smith",
      phone: "0400 000 000",
    });
    expect(customerContact({ "Sales Person Name": "Bob", Phone: 398765432 })).toEqual({
      name: null,
      phone: "398765432",
    });
    expect(customerContact({ first_name: "Ann", surname: "Smith", full_name: "Ann B. Smith" })).toEqual({
      name: "Ann B. Smith",
      phone: null,
    });
    expect(customerContact({})).toEqual({ name: null, phone: null });
  });
});

describe("telHref", () => {
  it("keeps digits and a leading plus", () => {
    expect(telHref("0412 345 678")).toBe("tel:0412345678");
    expect(telHref("+61 (412) 345-678")).toBe("tel:+61412345678");
  });

  it("refuses what can't be dialled", () => {
    expect(telHref("call after 5")).toBeNull();
    expect(telHref("javascript:alert(1)")).toBeNull();
  });
});
