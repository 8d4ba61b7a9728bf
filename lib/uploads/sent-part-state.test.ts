import { describe, expect, it } from "vitest";
import { canMove, maySend, needsCheck, SENT_PART_STATES, statesBefore } from "./sent-part-state";

describe("the sent part's states", () => {
  it("moves only along the register's transitions", () => {
    const moves = SENT_PART_STATES.flatMap((from) =>
      SENT_PART_STATES.filter((to) => canMove(from, to)).map((to) => `${from} → ${to}`),
    );
    expect(moves).toEqual([
      "sending → queued",
      "sending → not_confirmed",
      "not_confirmed → queued",
      "not_confirmed → arrived",
      "not_confirmed → not_arrived",
      "arrived → queued",
      "not_arrived → sending",
      "not_arrived → arrived",
    ]);
  });

  it("never leaves queued, and never sends a part that may be upstream", () => {
    expect(SENT_PART_STATES.filter((to) => canMove("queued", to))).toEqual([]);
    expect(statesBefore("sending")).toEqual(["not_arrived"]);
    expect(SENT_PART_STATES.filter(maySend)).toEqual(["not_arrived"]);
    expect(maySend(undefined)).toBe(true);
  });

  it("asks for a check only while the part's fate is open", () => {
    expect(SENT_PART_STATES.filter(needsCheck)).toEqual(["sending", "not_confirmed"]);
  });
});
