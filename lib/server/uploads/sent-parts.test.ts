import { expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { overHttp } from "@/lib/testing/over-http";
import {
  findSentPart,
  INTERRUPTED_REASON,
  recoverInterruptedSends,
  recoverOverdueSends,
  startSending as startSendingDomain,
} from "./sent-parts";

// Domain errors as a route answers them, so each check sees the status an API client gets.
const startSending = overHttp(startSendingDomain);

const staff: SessionUser = { id: 2, email: "staff@demo.local", name: "Demo Staff", role: "staff" };
const START = Date.parse("2026-12-01T01:00:00.000Z");
const at = (ms: number) => new Date(START + ms);

const OVERDUE = "0b6d8a52-1c1e-4f39-9a3e-5d7e1c2b4a01";
const IN_FLIGHT = "0b6d8a52-1c1e-4f39-9a3e-5d7e1c2b4a02";

/** A part whose request started at START and is over at the latest at `answerDueBy`. */
const sending = (id: string, answerDueBy: Date) =>
  startSending({ id, region: "au", name: "June service customers", customers: 10 }, staff, {
    now: at(0),
    answerDueBy,
  });

describeEachEngine("recovering parts left sending", (engine) => {
  it("at start-up takes every part sending on a database of its own, only overdue ones on a shared one", async () => {
    await sending(OVERDUE, at(30_000));
    await sending(IN_FLIGHT, at(90_000));

    const shared = engine.name === "PostgreSQL";
    expect(await recoverInterruptedSends(at(60_000))).toBe(shared ? 1 : 2);
    expect(await findSentPart(OVERDUE)).toMatchObject({ state: "not_confirmed" });
    expect((await findSentPart(IN_FLIGHT))?.state).toBe(shared ? "sending" : "not_confirmed");
    if (!shared) expect((await findSentPart(IN_FLIGHT))?.reason).toBe(INTERRUPTED_REASON);
  });

  it("takes only parts whose requests are over, when asked for overdue ones", async () => {
    await sending(OVERDUE, at(30_000));
    await sending(IN_FLIGHT, at(90_000));

    expect(await recoverOverdueSends(at(30_000))).toBe(1);
    expect(await findSentPart(OVERDUE)).toMatchObject({
      state: "not_confirmed",
      reason: "The dashboard never recorded the Recapture API's answer to this part.",
    });
    expect((await findSentPart(IN_FLIGHT))?.state).toBe("sending");
    expect(await recoverOverdueSends(at(90_000))).toBe(1);
    expect(await recoverOverdueSends(at(90_000))).toBe(0);
  });
});

describeEachEngine("startSending", () => {
  it("lets only one of two requests sending the same new part send it", async () => {
    const outcomes = await Promise.allSettled([sending(OVERDUE, at(30_000)), sending(OVERDUE, at(30_000))]);
    expect(outcomes.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find(({ status }) => status === "rejected")).toMatchObject({
      reason: { status: 409, code: "part_in_progress" },
    });
  });
});
