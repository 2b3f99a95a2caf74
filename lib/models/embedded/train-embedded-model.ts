import { collectFeatureHashes, createFeatureBags } from "../features/collect-feature-hashes";
import { resolveFeatureConfig, type FeatureConfig } from "../features/feature-config";
import type { CountedIds } from "../features/feature-space";
import { chooseCalibrationFolds } from "./choose-calibration-slice";
import { createLogitScorer } from "./create-logit-scorer";
import type { EmbeddedModel, HeldOutMetrics, TrainingCase, TrainingSettings } from "./embedded-model";
import { calibrateOnHeldOut } from "./evaluate-held-out";
import { fitLinearModel, type CaseBlocks } from "./fit-linear-model";
import { recencyWeights } from "./recency-weights";

export interface TrainEmbeddedModelOptions {
  cases: readonly TrainingCase[];
  /** Only cases that occurred strictly before this are used. Omit only for data with no notion of time. */
  cutoff?: Date;
  features?: Partial<FeatureConfig>;
  training?: Partial<TrainingSettings>;
}

export const defaultTrainingSettings: TrainingSettings = {
  l2: 1e-5,
  epochs: 6,
  learningRate: 1,
  seed: 1,
  heldOutFraction: 0.15,
  heldOutSlice: "auto",
  refitOnAll: true,
  recencyHalfLifeDays: null,
  calibrationFolds: 1,
  topLabelScaling: true,
};

/** Fewer cases than this and no slice is held out: calibration on a handful would be noise. */
const MIN_CASES_TO_CALIBRATE = 30;

function copyBlock(block: CountedIds): CountedIds {
  return {
    ids: block.ids.slice(0, block.distinct),
    counts: block.counts.slice(0, block.distinct),
    distinct: block.distinct,
  };
}

function selectEligible(cases: readonly TrainingCase[], cutoff: Date | undefined) {
  if (!cutoff) return { eligible: [...cases], excludedAtOrAfterCutoff: 0, excludedWithoutTime: 0 };
  const limit = cutoff.getTime();
  if (Number.isNaN(limit)) throw new Error("trainEmbeddedModel: the cut-off is not a valid date");
  const eligible: TrainingCase[] = [];
  let excludedAtOrAfterCutoff = 0;
  let excludedWithoutTime = 0;
  for (const c of cases) {
    const time = c.occurredAt?.getTime();
    if (time === undefined || Number.isNaN(time)) excludedWithoutTime++;
    else if (time < limit) eligible.push(c);
    else excludedAtOrAfterCutoff++;
  }
  return { eligible, excludedAtOrAfterCutoff, excludedWithoutTime };
}

/**
 * Trains the embedded model on a workflow's labelled history: TF-IDF / hashed
 * field features, L2 softmax regression, temperature scaling on the latest
 * held-out slice, then (by default) a refit on every pre-cut-off case.
 * Pure and deterministic: the same cases and seed give the same model.
 */
export function trainEmbeddedModel(options: TrainEmbeddedModelOptions): EmbeddedModel {
  const featureConfig = resolveFeatureConfig(options.features);
  const settings: TrainingSettings = { ...defaultTrainingSettings, ...options.training };
  const { eligible, excludedAtOrAfterCutoff, excludedWithoutTime } = selectEligible(
    options.cases,
    options.cutoff,
  );
  if (eligible.length === 0) throw new Error("trainEmbeddedModel: no labelled case precedes the cut-off");

  const labels = [...new Set(eligible.map((c) => c.label))].sort();
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const targets = Int32Array.from(eligible, (c) => labelIndex.get(c.label)!);
  const bags = createFeatureBags();
  const blocks: CaseBlocks[] = eligible.map((c) => {
    collectFeatureHashes(bags, c, featureConfig);
    return [copyBlock(bags.words), copyBlock(bags.chars), copyBlock(bags.fields)];
  });
  const softmaxOptions = {
    l2: settings.l2,
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    seed: settings.seed,
  };
  // Ages are measured from the latest case of each fit, so the slice model is weighted as the final one.
  const weightsFor = (fitted: readonly TrainingCase[]) =>
    recencyWeights(fitted, settings.recencyHalfLifeDays) ?? undefined;

  let temperature = 1;
  let topLabelScaling: EmbeddedModel["topLabelScaling"] = null;
  let heldOut: HeldOutMetrics | null = null;
  let sliceModel: ReturnType<typeof fitLinearModel> | null = null;
  let sliceFitSize = 0;
  if (eligible.length >= MIN_CASES_TO_CALIBRATE && settings.heldOutFraction > 0) {
    const folds = chooseCalibrationFolds(
      eligible,
      settings.heldOutFraction,
      settings.seed,
      settings.heldOutSlice,
      settings.calibrationFolds,
      MIN_CASES_TO_CALIBRATE,
    );
    const foldModels = folds.map((slice) =>
      fitLinearModel(
        slice.fit.map((i) => blocks[i]!),
        Int32Array.from(slice.fit, (i) => targets[i]!),
        labels.length,
        featureConfig,
        { ...softmaxOptions, caseWeights: weightsFor(slice.fit.map((i) => eligible[i]!)) },
      ),
    );
    // The latest fold's model is the one kept when not refitting on every case.
    sliceModel = foldModels[0]!;
    sliceFitSize = folds[0]!.fit.length;
    const heldOutFolds = folds.map((slice, j) => ({
      score: createLogitScorer(foldModels[j]!.space, foldModels[j]!.linear, featureConfig),
      cases: slice.heldOut.map((i) => eligible[i]!),
    }));
    const calibrated = calibrateOnHeldOut(heldOutFolds, labels, folds[0]!.method, settings.topLabelScaling);
    temperature = calibrated.temperature;
    topLabelScaling = calibrated.topLabelScaling;
    heldOut = calibrated.metrics;
  }
  const useSliceModel = sliceModel !== null && !settings.refitOnAll;
  const final = useSliceModel
    ? sliceModel!
    : fitLinearModel(blocks, targets, labels.length, featureConfig, {
        ...softmaxOptions,
        caseWeights: weightsFor(eligible),
      });

  const labelCounts: Record<string, number> = {};
  for (const c of eligible) labelCounts[c.label] = (labelCounts[c.label] ?? 0) + 1;
  return {
    labels,
    featureConfig,
    space: final.space,
    linear: final.linear,
    quantized: final.quantized,
    temperature,
    topLabelScaling,
    training: {
      ...settings,
      size: useSliceModel ? sliceFitSize : eligible.length,
      cutoff: options.cutoff ? options.cutoff.toISOString() : null,
      excludedAtOrAfterCutoff,
      excludedWithoutTime,
      labelCounts,
    },
    heldOut,
  };
}

/** Fits the model on every eligible case of these options (they hold out nothing): another thread, say. */
export type RefitApart = (options: TrainEmbeddedModelOptions) => Promise<EmbeddedModel>;

/**
 * trainEmbeddedModel with its two independent fits run side by side: `refitApart` fits the final model on
 * every eligible case while this thread fits the held-out slice and calibrates on it. Answers the model
 * trainEmbeddedModel answers for the same options, weight for weight.
 */
export async function trainEmbeddedModelSplit(
  options: TrainEmbeddedModelOptions,
  refitApart: RefitApart,
): Promise<EmbeddedModel> {
  const settings: TrainingSettings = { ...defaultTrainingSettings, ...options.training };
  if (!settings.refitOnAll || settings.heldOutFraction <= 0) return trainEmbeddedModel(options);
  const refitting = refitApart({ ...options, training: { ...options.training, heldOutFraction: 0 } });
  // Awaited below; a failure while this thread is still fitting must not count as unhandled meanwhile.
  refitting.catch(() => undefined);
  const calibrated = trainEmbeddedModel({ ...options, training: { ...options.training, refitOnAll: false } });
  const refit = await refitting;
  return {
    ...calibrated,
    space: refit.space,
    linear: refit.linear,
    quantized: refit.quantized,
    training: { ...calibrated.training, refitOnAll: true, size: refit.training.size },
  };
}
