import { describe, expect, it } from "vitest";
import { leadAssignedMail } from "./lead-assigned-mail";
import { DIGEST_LIST_MAX, leadDigestMail, type LeadDigest } from "./lead-digest-mail";
import { escapeHtml, listingLink, oneLine } from "./mail-content";
import type { LeadForMail, MailContext } from "./mail-message";
import { priceDropMail } from "./price-drop-mail";

const context: MailContext = {
  dashboardUrl: "https://recapture.dealership.com.au",
  timeZone: "Australia/Melbourne",
};
const sam = { email: "sam@dealership.com.au", name: "Sam Seller" };
const morgan = { email: "morgan@dealership.com.au", name: "Morgan Manager" };

function lead(overrides: Partial<LeadForMail> = {}): LeadForMail {
  return {
    key: 42,
    vehicleTitle: "2019 Toyota Camry Ascent Sport",
    rego: "ABC123",
    state: "VIC",
    listingTitle: "2019 Toyota Camry Ascent Sport Auto",
    listingUrl: "https://www.carsales.com.au/cars/details/OAG-AD-12345678/",
    price: 27_000,
    firstPrice: 28_500,
    sellerType: "private",
    firstSeenAt: "2026-12-01T21:30:00.000Z",
    ...overrides,
  };
}

function digest(overrides: Partial<LeadDigest> = {}): LeadDigest {
  return { day: "2026-12-03", newLeads: [], priceDrops: [], newCount: 0, priceDropCount: 0, ...overrides };
}

describe("lead assigned", () => {
  it("tells the assignee who assigned which lead, with links to the lead and the listing", () => {
    const mail = leadAssignedMail({ assignee: sam, assignedBy: morgan, lead: lead() }, context);
    expect(mail.kind).toBe("lead_assigned");
    expect(mail.to).toBe("sam@dealership.com.au");
    expect(mail.subject).toBe("Lead assigned to you: 2019 Toyota Camry Ascent Sport (ABC123, VIC)");
    expect(mail.text).toContain("Hi Sam Seller,");
    expect(mail.text).toContain("Morgan Manager assigned a lead to you");
    expect(mail.text).toContain("Price: $27,000 ▼ $1,500, private seller");
    // 21:30 UTC is 08:30 the next morning in Melbourne (daylight time).
    expect(mail.text).toContain("First seen: 02/12/2026 08:30");
    expect(mail.text).toContain("https://recapture.dealership.com.au/leads/42");
    expect(mail.text).toContain("https://www.carsales.com.au/cars/details/OAG-AD-12345678/");
    expect(mail.html).toContain('href="https://recapture.dealership.com.au/leads/42"');
    expect(mail.text).toContain("https://recapture.dealership.com.au/settings/notifications");
  });

  it("escapes what came from the listing and keeps the subject on one line", () => {
    const mail = leadAssignedMail(
      {
        assignee: { email: "sam@dealership.com.au", name: null },
        assignedBy: null,
        lead: lead({
          vehicleTitle: "Camry\r\nBcc: everyone@example.com",
          listingTitle: '<script>alert("x")</script>',
          listingUrl: "javascript:alert(1)",
        }),
      },
      context,
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe("Lead assigned to you: Camry Bcc: everyone@example.com (ABC123, VIC)");
    expect(mail.text).toContain("Hi sam@dealership.com.au,");
    expect(mail.text).toContain("You have been assigned a lead:");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).not.toContain("javascript:");
    expect(mail.text).not.toContain("javascript:");
  });
});

describe("price drop", () => {
  it("tells the assignee the old and new price", () => {
    const mail = priceDropMail(sam, { lead: lead(), from: 28_500, to: 27_000 }, context);
    expect(mail).toMatchObject({
      kind: "price_drop",
      to: "sam@dealership.com.au",
      subject: "Price drop: 2019 Toyota Camry Ascent Sport (ABC123, VIC) now $27,000",
    });
    expect(mail.text).toContain("went down from $28,500 to $27,000 (▼ $1,500)");
    expect(mail.text).toContain("https://recapture.dealership.com.au/leads/42");
  });
});

describe("the daily digest", () => {
  it("is not written when nothing is new", () => {
    expect(leadDigestMail(morgan, digest(), context)).toBeNull();
  });

  it("counts and lists new leads and price drops, with links into the dashboard", () => {
    const mail = leadDigestMail(
      morgan,
      digest({
        newLeads: [lead({ key: 7, price: 19_990, firstPrice: 19_990 })],
        newCount: 1,
        priceDrops: [{ lead: lead(), from: 28_500, to: 27_000 }],
        priceDropCount: 1,
      }),
      context,
    )!;
    expect(mail.kind).toBe("lead_digest");
    expect(mail.to).toBe("morgan@dealership.com.au");
    expect(mail.subject).toBe("Leads for 03/12/2026: 1 new lead, 1 price drop");
    expect(mail.text).toContain("Since the last digest: 1 new lead, 1 price drop.");
    expect(mail.text).toContain("See every lead: https://recapture.dealership.com.au/leads");
    expect(mail.text).toContain("New leads (1)");
    expect(mail.text).toContain("https://recapture.dealership.com.au/leads/7");
    expect(mail.text).toContain("Price: $19,990, private seller");
    expect(mail.text).toContain("Price drops (1)");
    expect(mail.text).toContain("Down from $28,500 to $27,000 (▼ $1,500)");
    expect(mail.html).toContain("New leads (1)");
  });

  it(`lists at most ${DIGEST_LIST_MAX} of each and links to the rest`, () => {
    const many = Array.from({ length: DIGEST_LIST_MAX }, (_, n) => lead({ key: n + 1 }));
    const mail = leadDigestMail(morgan, digest({ newLeads: many, newCount: 35 }), context)!;
    expect(mail.subject).toBe("Leads for 03/12/2026: 35 new leads, 0 price drops");
    expect(mail.text).toContain("…and 15 more: https://recapture.dealership.com.au/leads");
    expect(mail.text).not.toContain("Price drops (");
  });

  it("links nowhere but the dashboard and the listings", () => {
    const mail = leadDigestMail(morgan, digest({ newLeads: [lead()], newCount: 1 }), context)!;
    const links = [...mail.html.matchAll(/href="([^"]+)"/g)].map(([, href]) => href!);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links)
      expect(
        href.startsWith("https://recapture.dealership.com.au/") ||
          href.startsWith("https://www.carsales.com.au/"),
      ).toBe(true);
  });
});

describe("mail content", () => {
  it("escapes HTML, keeps one line and allows only https listing links", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(oneLine("a\r\nb\u2028c")).toBe("a b c");
    expect(listingLink("https://www.gumtree.com.au/s-ad/1")).toBe("https://www.gumtree.com.au/s-ad/1");
    expect(listingLink("http://www.gumtree.com.au/s-ad/1")).toBeNull();
    expect(listingLink("not a url")).toBeNull();
    expect(listingLink(null)).toBeNull();
  });
});
