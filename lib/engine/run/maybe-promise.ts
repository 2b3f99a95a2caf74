import type { MaybePromise } from "../ports";

export function isThenable<T>(value: MaybePromise<T>): value is Promise<T> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}

/** `fn(value)` now when the value is here, later when it is a promise: the sync path never allocates a Promise. */
export function thenMaybe<T, U>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return isThenable(value) ? value.then(fn) : fn(value);
}
