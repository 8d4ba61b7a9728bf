import { describe, expect, it } from "vitest";
import {
  addSample,
  combinedState,
  describeRate,
  lastMovement,
  stalledSince,
  STALL_MS,
  describeTimeRemaining,
  percentProcessed,
  processingRate,
  secondsRemaining,
  sumCounters,
  uploadState,
  type ProgressSample,
} from "./progress";

const counters = (totalProcessed: number, totalUploaded = 5_000, totalErrors = 0) => ({
  totalUploaded,
  totalProcessed,
  totalErrors,
});

/** Feeds readings through addSample as the progress page would. */
const series = (readings: [at: number, processed: number][]) =>
  readings.reduce<ProgressSample[]>((samples, [at, processed]) => addSample(samples, { at, processed }), []);

describe("uploadState", () => {
  it("is queued before anything is processed and processing after", () => {
    expect(uploadState(counters(0), false)).toBe("queued");
    expect(uploadState(counters(1), false)).toBe("processing");
  });

  it("is complete once every customer is processed, errors included", () => {
    expect(uploadState(counters(5_000, 5_000, 12), false)).toBe("complete");
  });

  it("is cancelled only when the register says so and customers were left", () => {
    expect(uploadState(counters(1_200), true)).toBe("cancelled");
    expect(uploadState(counters(0), true)).toBe("cancelled");
    // Cancelled after the last customer went through: nothing was stopped.
    expect(uploadState(counters(5_000), true)).toBe("complete");
  });
});

describe("combinedState", () => {
  it("follows the parts of a split upload", () => {
    expect(combinedState(["queued", "queued"])).toBe("queued");
    expect(combinedState(["complete", "queued"])).toBe("processing");
    expect(combinedState(["complete", "processing", "queued"])).toBe("processing");
    expect(combinedState(["complete", "complete"])).toBe("complete");
    expect(combinedState(["complete", "cancelled"])).toBe("cancelled");
  });
});

describe("percentProcessed and sumCounters", () => {
  it("rounds down so 100% means done", () => {
    expect(percentProcessed(counters(4_999))).toBe(99);
    expect(percentProcessed(counters(5_000))).toBe(100);
    expect(percentProcessed(counters(2_500))).toBe(50);
  });

  it("adds the parts into one bar", () => {
    const total = sumCounters([counters(50_000, 50_000, 3), counters(10_000, 50_000, 1), counters(0, 2_000)]);
    expect(total).toEqual({ totalUploaded: 102_000, totalProcessed: 60_000, totalErrors: 4 });
    expect(percentProcessed(total)).toBe(58);
  });
});

describe("processing rate", () => {
  it("is unknown until readings span at least a second", () => {
    expect(processingRate([])).toBeUndefined();
    expect(processingRate(series([[0, 0]]))).toBeUndefined();
    expect(
      processingRate(
        series([
          [0, 0],
          [500, 100],
        ]),
      ),
    ).toBeUndefined();
  });

  it("is customers per second between the oldest and newest reading", () => {
    expect(
      processingRate(
        series([
          [0, 0],
          [1_000, 200],
          [2_000, 400],
          [4_000, 800],
        ]),
      ),
    ).toBe(200);
  });

  it("smooths a processor that works in batches", () => {
    // 500 customers every 2.5 s, read every second: 200 a second on average.
    const readings: [number, number][] = [];
    for (let second = 0; second <= 10; second += 1)
      readings.push([second * 1_000, Math.floor(second / 2.5) * 500]);
    expect(processingRate(series(readings))).toBe(200);
  });

  it("follows a slow-down once older readings leave the window", () => {
    const readings: [number, number][] = [];
    for (let second = 0; second <= 20; second += 1) readings.push([second * 1_000, second * 100]);
    for (let second = 21; second <= 40; second += 1)
      readings.push([second * 1_000, 2_000 + (second - 20) * 10]);
    expect(processingRate(series(readings))).toBeCloseTo(10);
  });

  it("keeps one reading from before a long gap so a hidden tab still gets a rate", () => {
    const samples = series([
      [0, 0],
      [30_000, 3_000],
    ]);
    expect(samples).toHaveLength(2);
    expect(processingRate(samples)).toBe(100);
  });

  it("ignores a reading from long ago, such as the register's numbers when the page opens", () => {
    expect(
      series([
        [0, 100],
        [3_600_000, 4_000],
        [3_601_000, 4_200],
      ]),
    ).toEqual([
      { at: 3_600_000, processed: 4_000 },
      { at: 3_601_000, processed: 4_200 },
    ]);
  });

  it("starts again when the counter goes backwards", () => {
    expect(
      series([
        [0, 900],
        [1_000, 1_000],
        [2_000, 10],
      ]),
    ).toEqual([{ at: 2_000, processed: 10 }]);
  });

  it("replaces a reading taken at the same moment", () => {
    expect(
      series([
        [0, 0],
        [1_000, 5],
        [1_000, 8],
      ]),
    ).toEqual([
      { at: 0, processed: 0 },
      { at: 1_000, processed: 8 },
    ]);
  });

  it("is zero when nothing moves", () => {
    expect(
      processingRate(
        series([
          [0, 700],
          [5_000, 700],
        ]),
      ),
    ).toBe(0);
  });
});

describe("secondsRemaining", () => {
  it("divides what is left by the rate, rounding up", () => {
    expect(secondsRemaining(counters(1_000), 200)).toBe(20);
    expect(secondsRemaining(counters(1_000), 300)).toBe(14);
  });

  it("is zero when done and unknown without a rate", () => {
    expect(secondsRemaining(counters(5_000), undefined)).toBe(0);
    expect(secondsRemaining(counters(1_000), undefined)).toBeUndefined();
    expect(secondsRemaining(counters(1_000), 0)).toBeUndefined();
  });
});

describe("stalls", () => {
  const reading = (at: number, processed: number) => ({ at, processed });

  it("remembers the reading at which the processed counter last moved", () => {
    let movement = lastMovement(undefined, reading(1_000, 10));
    expect(movement).toEqual(reading(1_000, 10));
    movement = lastMovement(movement, reading(2_000, 10));
    expect(movement).toEqual(reading(1_000, 10));
    movement = lastMovement(movement, reading(3_000, 25));
    expect(movement).toEqual(reading(3_000, 25));
    // An older reading arriving late starts again rather than dating the stall from the future.
    expect(lastMovement(reading(3_000, 25), reading(2_500, 25))).toEqual(reading(2_500, 25));
  });

  it("says a processing upload has stalled once it stood still for a minute", () => {
    const movedAt = reading(1_000, 10);
    expect(stalledSince("processing", movedAt, 1_000 + STALL_MS - 1)).toBeUndefined();
    expect(stalledSince("processing", movedAt, 1_000 + STALL_MS)).toBe(1_000);
  });

  it("never calls a queued, finished or unread upload stalled", () => {
    const movedAt = reading(1_000, 0);
    const later = 1_000 + 10 * STALL_MS;
    expect(stalledSince("queued", movedAt, later)).toBeUndefined();
    expect(stalledSince("complete", movedAt, later)).toBeUndefined();
    expect(stalledSince("cancelled", movedAt, later)).toBeUndefined();
    expect(stalledSince("processing", undefined, later)).toBeUndefined();
  });
});

describe("wording", () => {
  it("describes rates a person can read", () => {
    expect(describeRate(1_250.4)).toBe("1,250 a second");
    expect(describeRate(0.5)).toBe("30 a minute");
    expect(describeRate(0)).toBe("0 a second");
  });

  it("rounds time remaining the way people say it", () => {
    expect(describeTimeRemaining(0)).toBe("done");
    expect(describeTimeRemaining(4)).toBe("a few seconds");
    expect(describeTimeRemaining(37)).toBe("about 40 seconds");
    expect(describeTimeRemaining(80)).toBe("about a minute");
    expect(describeTimeRemaining(200)).toBe("about 3 minutes");
    expect(describeTimeRemaining(3_600)).toBe("about 1 h");
    expect(describeTimeRemaining(8_100)).toBe("about 2 h 15 min");
  });
});
