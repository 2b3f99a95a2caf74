import { encodeBase64 } from "../encoding/base64";
import { bytesOf } from "../encoding/typed-array-bytes";
import type { EmbeddedModel } from "./embedded-model";
import type { SerializedEmbeddedModel } from "./serialized-embedded-model";

export function serializeEmbeddedModel(model: EmbeddedModel): SerializedEmbeddedModel {
  return {
    format: "switchboard.embedded-model",
    version: 1,
    labels: [...model.labels],
    featureConfig: model.featureConfig,
    temperature: model.temperature,
    topLabelScaling: model.topLabelScaling,
    training: model.training,
    heldOut: model.heldOut,
    columnIds: encodeBase64(bytesOf(model.space.columnIds)),
    idf: encodeBase64(bytesOf(model.space.idf)),
    weights: {
      encoding: "int8-per-feature-scale",
      values: encodeBase64(bytesOf(model.quantized.values)),
      scales: encodeBase64(bytesOf(model.quantized.scales)),
    },
    bias: Array.from(model.linear.bias),
  };
}
