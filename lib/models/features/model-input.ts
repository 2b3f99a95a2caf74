/** A structured field as cases carry it; numbers are bucketed, everything else is categorical. */
export type FieldValue = string | number | boolean | null | undefined;
export type CaseFields = Readonly<Record<string, FieldValue>>;

/** What a model sees of one case: free text, structured fields, or both. */
export interface ModelInput {
  text?: string;
  fields?: CaseFields;
}
