export interface FieldError {
  path: string;
  message: string;
}

/** A refusal the API answers with its status and a sentence; `fields` names each bad field. */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}
