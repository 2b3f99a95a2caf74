/**
 * Validates the embedded model on the real datasets in ../shared/datasets and
 * prints one JSON line per dataset. `--tune` instead searches settings on a
 * validation slice carved from each TRAIN split (the test split is never used
 * for choosing anything); GRID='[{"training":{"l2":1e-4}}]' replaces the built-in
 * grid. `--only=banking77,nlbse24` (or `--dataset=nlbse24`) limits the datasets; `--timing` trains 25,000
 * cases of each kind and prints the time.
 *
 * ServiceNow data: UCI dataset 498 (Amaral, Fantinato, Peres, 2018), CC BY 4.0.
 * Banking77: PolyAI, CC BY 4.0. NLBSE'24 issue report classification.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { EmbeddedModel, TrainingCase, TrainEmbeddedModelOptions } from "../lib/models";
import {
  accuracy,
  accuracyAtEscalationRate,
  createPredictor,
  expectedCalibrationError,
  macroF1,
  mulberry32,
  serializeEmbeddedModel,
  trainEmbeddedModel,
} from "../lib/models";

type Row = Record<string, string>;
type Settings = Pick<TrainEmbeddedModelOptions, "features" | "training">;

interface Dataset {
  name: "banking77" | "nlbse24" | "servicenow";
  train: TrainingCase[];
  test: TrainingCase[];
  cutoff?: Date;
  /** Where the tuning split falls inside the training period. */
  tuneCutoff?: Date;
  /** Cross-validation folds for tuning when there is no tuning cut-off. */
  tuneFolds?: number;
  settings: Settings;
  grid: Settings[];
  extra?: (test: TrainingCase[], predicted: string[]) => Record<string, number>;
}

const datasetsDir = path.resolve(
  process.env.SWITCHBOARD_DATASETS ?? path.resolve(process.cwd(), "../shared/datasets"),
);

function readCsv(file: string): Row[] {
  return parse(readFileSync(path.join(datasetsDir, file)), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Row[];
}

/** `29/2/2016 01:16` (day first), read as UTC so results do not depend on the machine's zone. */
function parseDayFirst(text: string): Date | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})/.exec(text);
  if (!match) return undefined;
  const [, day, month, year, hour, minute] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

const orNull = (value: string | undefined) => (value === undefined || value === "?" ? null : value);

/** A seeded stratified split of TRAIN rows, for tuning only. */
function stratifiedSplit(
  cases: TrainingCase[],
  fraction: number,
  seed: number,
): { fit: TrainingCase[]; validation: TrainingCase[] } {
  const random = mulberry32(seed);
  const keyed = cases.map((c) => ({ c, key: random() }));
  const byLabel = new Map<string, typeof keyed>();
  for (const k of keyed) {
    const group = byLabel.get(k.c.label);
    if (group) group.push(k);
    else byLabel.set(k.c.label, [k]);
  }
  const fit: TrainingCase[] = [];
  const validation: TrainingCase[] = [];
  for (const group of byLabel.values()) {
    group.sort((a, b) => a.key - b.key);
    const take = Math.round(group.length * fraction);
    group.forEach((k, i) => (i < take ? validation : fit).push(k.c));
  }
  return { fit, validation };
}

function loadBanking77(): Dataset {
  const toCase = (row: Row): TrainingCase => ({ text: row.text ?? "", label: row.category ?? "" });
  return {
    name: "banking77",
    train: readCsv("banking77/train.csv").map(toCase),
    test: readCsv("banking77/test.csv").map(toCase),
    settings: { features: { wordNgrams: 2, charNgrams: [2, 5] }, training: { l2: 1e-5 } },
    grid: [
      { features: { wordNgrams: 2, charNgrams: [2, 5] }, training: { l2: 1e-5 } },
      { features: { wordNgrams: 2, charNgrams: [2, 5] }, training: { l2: 3e-5 } },
      { features: { wordNgrams: 2, charNgrams: [2, 5] }, training: { l2: 3e-6 } },
      { features: { wordNgrams: 2, charNgrams: null }, training: { l2: 1e-5 } },
    ],
  };
}

function loadNlbse(): Dataset {
  const toCase = (row: Row): TrainingCase => ({
    text: `${row.title ?? ""}\n\n${row.body ?? ""}`,
    fields: { repo: row.repo ?? null, title: row.title ?? "" },
    label: row.label ?? "",
    occurredAt: new Date(`${(row.created_at ?? "").replace(" ", "T")}Z`),
  });
  const train = readCsv("nlbse24_issues/issues_train.csv").map(toCase);
  const latest = Math.max(...train.map((c) => c.occurredAt!.getTime()));
  return {
    name: "nlbse24",
    train,
    test: readCsv("nlbse24_issues/issues_test.csv").map(toCase),
    cutoff: new Date(latest + 1000),
    tuneFolds: 5,
    // The benchmark's test split is random over the same years, not later than train:
    // calibrate on a random slice too (the latest slice holds most of vscode's bugs).
    // Five disjoint 20 % slices (cross-fitting): every training case is held out once, so the
    // temperature rests on 1,500 cases instead of 225. Fenced code collapses to one word (default).
    settings: {
      features: { textFields: ["title"] },
      training: { l2: 3e-5, heldOutSlice: "stratified-random", heldOutFraction: 0.2, calibrationFolds: 5 },
    },
    grid: [
      {
        features: { textFields: ["title"], blockWeights: { words: 1, chars: 0.6, fields: 1 } },
        training: { l2: 3e-5, heldOutSlice: "stratified-random", heldOutFraction: 0.2, calibrationFolds: 5 },
      },
      {
        features: { textFields: ["title"], codeBlocks: "keep" },
        training: { l2: 3e-5, heldOutSlice: "stratified-random" },
      },
      { features: { textFields: ["title"] }, training: { l2: 1e-4, heldOutSlice: "stratified-random" } },
      { features: { textFields: ["title"] }, training: { l2: 3e-5, heldOutSlice: "stratified-random" } },
      { features: { textFields: [] }, training: { l2: 1e-4, heldOutSlice: "stratified-random" } },
      {
        features: { textFields: ["title"], charNgrams: null },
        training: { l2: 1e-4, heldOutSlice: "stratified-random" },
      },
    ],
  };
}

const SERVICENOW_FIELDS = [
  "contact_type",
  "location",
  "category",
  "subcategory",
  "u_symptom",
  "impact",
  "urgency",
  "priority",
] as const;

function loadServiceNow(): Dataset & { humanFirst: Map<TrainingCase, string | null> } {
  const humanFirst = new Map<TrainingCase, string | null>();
  const cases: TrainingCase[] = [];
  for (const row of readCsv("servicenow_incidents/incidents_summary.csv")) {
    const openedAt = parseDayFirst(row.opened_at ?? "");
    if (!openedAt || !row.assignment_group || row.assignment_group === "?") continue;
    // first_assignment_group is the human triage we aim to replace: never a feature.
    const fields: Record<string, string | null> = Object.fromEntries(
      SERVICENOW_FIELDS.map((name) => [name, orNull(row[name])]),
    );
    fields.opened_hour = String(openedAt.getUTCHours());
    fields.opened_weekday = String(openedAt.getUTCDay());
    const c: TrainingCase = { fields, label: row.assignment_group, occurredAt: openedAt };
    humanFirst.set(c, orNull(row.first_assignment_group));
    cases.push(c);
  }
  const testFrom = Date.UTC(2016, 3, 1);
  const testTo = Date.UTC(2016, 5, 1);
  const test = cases.filter((c) => c.occurredAt!.getTime() >= testFrom && c.occurredAt!.getTime() < testTo);
  return {
    name: "servicenow",
    // Every incident goes in: the trainer itself must drop what is not before the cut-off.
    train: cases,
    test,
    cutoff: new Date(testFrom),
    tuneCutoff: new Date(Date.UTC(2016, 2, 17)),
    humanFirst,
    // Chosen on the tuning split (train before 2016-03-17, validate to 2016-04-01): a 14-day recency
    // half-life, two rolling-origin calibration folds and the top-label scaling were the best there on
    // accuracy and ECE (ECE 0.024; three folds without the scaling 0.032, with it 0.042).
    settings: {
      features: { fieldCrosses: [["category", "subcategory"]] },
      training: { l2: 1e-5, recencyHalfLifeDays: 14, calibrationFolds: 2 },
    },
    grid: [
      ...[1, 2, 3].flatMap((calibrationFolds) =>
        [true, false].map((topLabelScaling) => ({
          features: { fieldCrosses: [["category", "subcategory"]] },
          training: { l2: 1e-5, recencyHalfLifeDays: 14, calibrationFolds, topLabelScaling },
        })),
      ),
      {
        features: { fieldCrosses: [["category", "subcategory"]] },
        training: { l2: 1e-5, recencyHalfLifeDays: 14, calibrationFolds: 3 },
      },
      {
        features: { fieldCrosses: [["category", "subcategory"]] },
        training: { l2: 1e-5, recencyHalfLifeDays: 7, calibrationFolds: 3 },
      },
      {
        features: { fieldCrosses: [["category", "subcategory"]] },
        training: { l2: 3e-5, recencyHalfLifeDays: 14, calibrationFolds: 3 },
      },
      { features: { fieldCrosses: [] }, training: { l2: 1e-5 } },
      { features: { fieldCrosses: [["category", "subcategory"]] }, training: { l2: 1e-5 } },
      { features: { fieldCrosses: [["category", "subcategory"]] }, training: { l2: 3e-5 } },
      { features: { fieldCrosses: [["category", "subcategory"]] }, training: { l2: 1e-4 } },
      {
        features: {
          fieldCrosses: [
            ["category", "subcategory"],
            ["location", "category"],
          ],
        },
        training: { l2: 1e-5 },
      },
    ],
    extra: (test, predicted) => ({
      human_first_accuracy: accuracy(
        test.map((c) => c.label),
        test.map((c) => humanFirst.get(c) ?? "?"),
      ),
      model_vs_human_agreement: accuracy(
        predicted,
        test.map((c) => humanFirst.get(c) ?? "?"),
      ),
    }),
  };
}

function evaluate(model: EmbeddedModel, test: TrainingCase[]) {
  const predictor = createPredictor(model);
  // Throughput is timed on a second pass, once the JIT has compiled the hot path,
  // as it would be in a backtest replaying many thousands of items.
  for (const c of test.slice(0, 2000)) predictor({ text: c.text, fields: c.fields });
  const clock = startClock();
  const predictions = test.map((c) => predictor({ text: c.text, fields: c.fields }));
  const { seconds, cpuSeconds } = clock();
  const uncalibrated = test.map(
    (c) => predictor({ text: c.text, fields: c.fields }, { uncalibrated: true }).confidence,
  );
  const actual = test.map((c) => c.label);
  const predicted = predictions.map((p) => p.label);
  const correct = predicted.map((label, i) => label === actual[i]);
  const confidences = predictions.map((p) => p.confidence);
  const escalation = accuracyAtEscalationRate(confidences, correct, 0.25);
  return {
    predicted,
    figures: {
      accuracy: accuracy(actual, predicted),
      macro_f1: macroF1(actual, predicted),
      ece: expectedCalibrationError(confidences, correct),
      ece_before_calibration: expectedCalibrationError(uncalibrated, correct),
      auto_accuracy_at_25pct_escalation: escalation.autoAccuracy,
      escalation_threshold: escalation.threshold,
      escalated_share: escalation.escalationRate,
      predictions_per_second: Math.round(test.length / seconds),
      predictions_per_cpu_second: Math.round(test.length / cpuSeconds),
    },
  };
}

const round = (value: unknown) =>
  typeof value === "number" && !Number.isInteger(value) ? Number(value.toFixed(4)) : value;
const print = (record: Record<string, unknown>) =>
  console.log(JSON.stringify(Object.fromEntries(Object.entries(record).map(([k, v]) => [k, round(v)]))));

/** Wall-clock and this process's CPU time: the machine is shared, and CPU time shows what the code itself costs. */
function startClock() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

function train(cases: TrainingCase[], cutoff: Date | undefined, settings: Settings) {
  const clock = startClock();
  const model = trainEmbeddedModel({ cases, cutoff, ...settings });
  return { model, ...clock() };
}

function validate(dataset: Dataset): void {
  const { model, seconds, cpuSeconds } = train(dataset.train, dataset.cutoff, dataset.settings);
  const { predicted, figures } = evaluate(model, dataset.test);
  print({
    dataset: dataset.name,
    n_train: model.training.size,
    n_test: dataset.test.length,
    ...figures,
    ...dataset.extra?.(dataset.test, predicted),
    train_seconds: seconds,
    train_cpu_seconds: cpuSeconds,
    temperature: model.temperature,
    top_label_slope: model.topLabelScaling?.slope ?? null,
    top_label_intercept: model.topLabelScaling?.intercept ?? null,
    held_out_ece_before: model.heldOut?.eceBeforeCalibration,
    held_out_ece_after: model.heldOut?.eceAfterCalibration,
    features: model.space.columnIds.length,
    model_bytes: JSON.stringify(serializeEmbeddedModel(model)).length,
  });
}

/**
 * Validation splits carved from TRAIN: the last two weeks before the cut-off for
 * ServiceNow; otherwise stratified folds (5 for NLBSE, whose 300-case folds are
 * too noisy alone; 1 fold of 20 % for Banking77).
 */
function tuningSplits(dataset: Dataset): Array<{ fit: TrainingCase[]; validation: TrainingCase[] }> {
  if (dataset.tuneCutoff) {
    const before = dataset.train.filter((c) => c.occurredAt! < dataset.cutoff!);
    return [{ fit: before, validation: before.filter((c) => c.occurredAt! >= dataset.tuneCutoff!) }];
  }
  const folds = dataset.tuneFolds ?? 1;
  const { fit, validation } = stratifiedSplit(dataset.train, 1 / Math.max(folds, 5), 7);
  if (folds === 1) return [{ fit, validation }];
  const order = [...validation, ...fit]; // stratifiedSplit shuffled within labels; deal cases into folds
  const foldOf = new Map(order.map((c, i) => [c, i % folds]));
  return Array.from({ length: folds }, (_, f) => ({
    fit: dataset.train.filter((c) => foldOf.get(c) !== f),
    validation: dataset.train.filter((c) => foldOf.get(c) === f),
  }));
}

function tune(dataset: Dataset): void {
  const splits = tuningSplits(dataset);
  const grid: Settings[] = process.env.GRID ? JSON.parse(process.env.GRID) : dataset.grid;
  for (const settings of grid) {
    const runs = splits.map(({ fit, validation }) => {
      const { model, seconds } = train(fit, dataset.tuneCutoff ?? dataset.cutoff, settings);
      return { ...evaluate(model, validation).figures, train_seconds: seconds };
    });
    const mean = Object.fromEntries(
      Object.keys(runs[0]!).map((key) => [
        key,
        runs.reduce((sum, run) => sum + Number(run[key as keyof typeof run] ?? Number.NaN), 0) / runs.length,
      ]),
    );
    print({
      dataset: dataset.name,
      tune: JSON.stringify(settings),
      folds: splits.length,
      n_validation: splits[0]!.validation.length,
      ...mean,
    });
  }
}

/** The brief's budget: 25,000 cases train in under 30 s here. Text cases are Banking77 queries, reused. */
function timing(): void {
  const servicenow = loadServiceNow();
  const banking = loadBanking77();
  const bankingCases = [...banking.train, ...banking.test];
  const runs: Array<[string, TrainingCase[], Settings]> = [
    ["servicenow_fields", servicenow.train.slice(0, 25_000), servicenow.settings],
    [
      "banking77_text",
      Array.from({ length: 25_000 }, (_, i) => bankingCases[i % bankingCases.length]!),
      banking.settings,
    ],
  ];
  for (const [name, cases, settings] of runs) {
    const { model, seconds, cpuSeconds } = train(cases, undefined, settings);
    print({
      timing: name,
      cases: cases.length,
      labels: model.labels.length,
      features: model.space.columnIds.length,
      train_seconds: seconds,
      train_cpu_seconds: cpuSeconds,
    });
  }
}

function main(): void {
  if (!existsSync(datasetsDir)) {
    console.log(
      `validate-models: skipped — no datasets folder at ${datasetsDir} (set SWITCHBOARD_DATASETS to point at one)`,
    );
    return;
  }
  if (process.argv.includes("--timing")) return timing();
  // `--dataset=servicenow` (or `--dataset servicenow`) is the same as `--only=servicenow`.
  const flagAt = process.argv.indexOf("--dataset");
  const only = (
    process.argv.find((a) => a.startsWith("--only=") || a.startsWith("--dataset="))?.split("=")[1] ??
    (flagAt >= 0 ? process.argv[flagAt + 1] : undefined)
  )?.split(",");
  const loaders: Record<string, () => Dataset> = {
    banking77: loadBanking77,
    nlbse24: loadNlbse,
    servicenow: loadServiceNow,
  };
  for (const [name, load] of Object.entries(loaders)) {
    if (only && !only.includes(name)) continue;
    const dataset = load();
    if (process.argv.includes("--tune")) tune(dataset);
    else validate(dataset);
  }
}

main();
