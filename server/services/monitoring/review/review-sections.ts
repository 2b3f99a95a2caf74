import { day, METRIC_NAMES, minute, ms, pct, pointsAgainst, withInterval } from "./format";
import type { MonthlyReview } from "./monthly-review";

/** A section of the review as a heading, an optional sentence, and a table (or the sentence said when it is empty). */
export interface ReviewSection {
  id: string;
  heading: string;
  intro?: string;
  columns: string[];
  rows: string[][];
  empty: string;
}

/**
 * The review's content once, as sections of plain strings: the Markdown, the page and the PDF all render
 * these, so the three can never disagree.
 */
export function reviewSections(review: MonthlyReview): ReviewSection[] {
  const { summary, baseline } = review;
  const escalationReasons = Object.entries(summary.escalationsByReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(", ");
  const tested = review.testedVersion === null ? "" : ` (run now against version ${review.testedVersion})`;
  return [
    {
      id: "performance",
      heading: "Performance against baseline",
      intro: baseline
        ? `Baseline: version ${baseline.version ?? "?"} as it entered ${baseline.stage} on ${day(new Date(baseline.recordedAt).getTime())}${baseline.backtestRunNumber ? `, from backtest #${baseline.backtestRunNumber}` : ""}. ${review.mode === "live" ? "Live" : "Shadow"} items.`
        : `No baseline was recorded (it is recorded when a version enters shadow or live). ${review.mode === "live" ? "Live" : "Shadow"} items.`,
      columns: ["Figure", "This month", "Baseline", "Difference"],
      rows: [
        ["Items in", String(summary.itemsIn), "", ""],
        [
          "Automation rate",
          pct(summary.automationRate),
          pct(baseline?.automationRate),
          pointsAgainst(summary.automationRate, baseline?.automationRate),
        ],
        [
          "Escalation rate",
          `${pct(summary.escalationRate)}${escalationReasons ? ` (${escalationReasons})` : ""}`,
          pct(baseline?.escalationRate),
          pointsAgainst(summary.escalationRate, baseline?.escalationRate),
        ],
        [
          "Accuracy",
          withInterval(summary.accuracy),
          pct(baseline?.autoAccuracy),
          pointsAgainst(summary.accuracy.rate, baseline?.autoAccuracy),
        ],
        ["Median processing time", ms(summary.processingP50Ms), ms(baseline?.latencyP50Ms), ""],
        ["p95 processing time", ms(summary.processingP95Ms), ms(baseline?.latencyP95Ms), ""],
      ],
      empty: "",
    },
    {
      id: "trends",
      heading: "Accuracy and escalation by week",
      columns: ["Week of", "Items", "Accuracy", "Escalation rate"],
      rows: review.weeks
        .filter((w) => w.itemsIn > 0)
        .map((w) => [day(w.startMs), String(w.itemsIn), withInterval(w.accuracy), pct(w.escalationRate)]),
      empty: "No items this month.",
    },
    {
      id: "disagreements",
      heading: "Top disagreement patterns",
      intro: "Labelled items the workflow decided differently from the truth, by label pair.",
      columns: ["Truth", "Decided", "Count", "Examples"],
      rows: review.disagreements.map((d) => [d.actual, d.predicted, String(d.count), d.examples.join("; ")]),
      empty: "No disagreement among the labelled items this month.",
    },
    {
      id: "refinement",
      heading: "Refinement priorities",
      intro:
        "The nodes where the month's wrong decisions, escalations and errors ended, largest share first.",
      columns: ["Node", "Share", "Wrong", "Escalated", "Errors"],
      rows: review.refinementPriorities.map((p) => [
        p.nodeId,
        pct(p.share),
        String(p.wrong),
        String(p.escalated),
        String(p.errors),
      ]),
      empty: "Nothing went wrong, escalated or failed this month.",
    },
    {
      id: "edge-cases",
      heading: "Open edge cases",
      intro: `Edge-case test cases (made from a backtest mismatch or a shadow disagreement) that still fail, or are still marked as known failures${tested}.`,
      columns: ["Test case", "Status", "Added", "By", "Notes"],
      rows: review.openEdgeCases.map((c) => [
        c.name,
        c.status,
        day(c.addedAtMs),
        c.addedBy ?? "not recorded",
        c.notes,
      ]),
      empty: "No open edge case: every edge-case test passes and none is marked as a known failure.",
    },
    {
      id: "tests-added",
      heading: "Test cases added this month",
      columns: ["Test case", "Edge case", "Status", "Added", "By"],
      rows: review.testCasesAdded.map((c) => [
        c.name,
        c.edgeCase ? "yes" : "no",
        c.status,
        day(c.addedAtMs),
        c.addedBy ?? "not recorded",
      ]),
      empty: "No test case was added this month.",
    },
    {
      id: "connectors",
      heading: "Connector incidents",
      intro:
        "Days with failed connector calls (from the traces) or a circuit that opened (from the breaker's recorded changes).",
      columns: ["Connector", "Day", "Failed calls", "Calls", "Circuit"],
      rows: review.connectorIncidents.map((i) => [
        i.name,
        day(i.dayMs),
        String(i.failures),
        String(i.calls),
        i.circuitOpenings
          ? `opened ${i.circuitOpenings}×, open ${Math.max(1, Math.round((i.circuitOpenMs ?? 0) / 60_000))} min in all`
          : i.circuitOpened
            ? "opened"
            : "stayed closed",
      ]),
      empty: "No connector call failed and no circuit opened this month.",
    },
    {
      id: "volume",
      heading: "Volume episodes",
      columns: ["Started", "Ended", "Peak", "Expected", "Action"],
      rows: review.volumeEpisodes.map((e) => [
        minute(e.startedAtMs),
        e.endedAtMs === null ? "still open" : minute(e.endedAtMs),
        `${e.peakCount} in ${e.windowMinutes} min (${e.peakRatio.toFixed(1)}×)`,
        e.expectedCount.toFixed(1),
        e.action === "pause"
          ? e.paused
            ? "paused the workflow"
            : "pause (was not live)"
          : "escalated every item",
      ]),
      empty: "Input volume stayed in band all month.",
    },
    {
      id: "drift",
      heading: "Drift flags",
      columns: ["Figure", "Raised", "Cleared", "Detail"],
      rows: review.driftFlags.map((f) => [
        METRIC_NAMES[f.metric] ?? f.metric,
        minute(f.raisedAtMs),
        f.clearedAtMs === null ? "still open" : minute(f.clearedAtMs),
        f.detail,
      ]),
      empty: "No figure left its band this month.",
    },
    {
      id: "thresholds",
      heading: "Threshold changes",
      columns: ["When", "Node", "From", "To", "By", "Why"],
      rows: review.thresholdChanges.map((c) => [
        minute(c.changedAtMs),
        c.nodeId,
        c.from.toFixed(2),
        c.to.toFixed(2),
        c.changedBy,
        c.reason,
      ]),
      empty: "No threshold was changed this month.",
    },
  ];
}
