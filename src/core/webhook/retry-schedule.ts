/**
 * How long to wait before retrying a failed delivery, by the number of attempts made so far: 10 s, 30 s,
 * 2 min, 10 min, 1 h, 2 h, 4 h, 8 h, 8 h. Ten attempts span about 23 hours; after the tenth, delivery gives up.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  10_000, 30_000, 120_000, 600_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000,
];

/** Attempts made before giving up (the first try and every retry). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * The delay before the next attempt after `attempts` failed ones (1 after the first failure), or null when
 * no attempt is left.
 *
 * @example retryDelay(1) // 10_000
 */
export function retryDelay(attempts: number): number | null {
  if (attempts < 1) return 0;
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}
