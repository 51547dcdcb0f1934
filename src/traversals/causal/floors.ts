import type { Floor } from "./hop.js";

/** Floors a search tries in turn, strongest first, before it searches with none. */
const RUNGS = [0.9, 0.7, 0.5, 0.3] as const;

/** One search under a floor: its answer, whether that is the answer a search without the floor gives, and the strongest hop the floor left out. */
export interface FloorAttempt<T> {
  readonly result: T;
  readonly exact: boolean;
  readonly weakest: number | null;
}

/**
 * Searches under falling floors until an answer is exact (docs/traversals.md#floors): first
 * the `seed` if above `minimum`, then each rung (or the strongest hop the last search left
 * out, if lower) while above `minimum`, and last with no floor. An attempt is accepted when it
 * is exact or left nothing out.
 */
export async function searchUnderFallingFloors<T>(
  by: Floor["by"],
  minimum: number,
  search: (floor: Floor | null) => Promise<FloorAttempt<T>>,
  seed: number | null = null,
): Promise<T> {
  let below = Number.POSITIVE_INFINITY;
  if (seed !== null && seed > minimum) {
    const attempt = await search({ by, value: seed });
    if (attempt.exact || attempt.weakest === null) return attempt.result;
    below = Math.min(seed, attempt.weakest);
  }
  for (const rung of RUNGS) {
    const value = Math.min(rung, below);
    if (value <= minimum) break;
    const attempt = await search({ by, value });
    if (attempt.exact || attempt.weakest === null) return attempt.result;
    below = attempt.weakest;
  }
  return (await search(null)).result;
}

/**
 * A search's floor that may rise while the search reads its levels (never fall): once the
 * chains already read show that the answer lies higher, the levels still to read may leave out
 * more. A search under it is exact only by the floor's last value (the highest it applied).
 */
export class RisingFloor {
  constructor(private current: Floor | null) {}

  /** The floor now; null (no floor) stays null. */
  get value(): Floor | null {
    return this.current;
  }

  /** Raises the floor to `to` if that is higher (nothing when there is no floor or `to` is null). */
  raise(to: number | null): void {
    if (this.current !== null && to !== null && to > this.current.value) this.current = { by: this.current.by, value: to };
  }
}
