/** The fewest labelled shadow items whose agreement may justify a cut-over. */
export const MIN_SHADOW_SAMPLE = 50;
/** The fewest live items (labelled, for accuracy) before the canary guard judges the live version. */
export const MIN_CANARY_SAMPLE = 30;
/** The guard looks at no more than the latest this many live items since the last lifecycle act. */
export const CANARY_WINDOW_LIMIT = 5_000;
/** The steps the app offers for a canary cut-over; any whole percentage from 1 to 100 is accepted. */
export const CANARY_STEPS = [10, 50, 100] as const;
export const DAY_MS = 86_400_000;
