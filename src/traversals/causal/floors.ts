import type { Floor } from "./hops.repository.js";

/** Floors a search tries in turn, strongest first, before it searches with none. */
const RUNGS = [0.9, 0.7, 0.5, 0.3] as const;

/** One search under a floor: its answer, whether that is the answer a search without the floor gives, and the strongest hop the floor left out. */
export interface FloorAttempt<T> {
  readonly result: T;
  readonly exact: boolean;
  readonly weakest: number | null;
}

/**
 * Searches under falling floors until an answer is exact: one that left no hop out, or whose
 * last kept chain is at least as strong as the floor (every chain that strong uses only hops
 * above the floor, so none was missed). Each next floor is the next rung, or the strongest hop
 * the last search left out if that is lower; a floor at or below `minimum` (what the question
 * itself asks for) is never tried, and the last search has none. On a small graph no level is
 * large enough for a floor to apply, so the first search is exact and the only one.
 *
 * A `seed` is a floor to try first: the strength of the last of enough real chains found
 * cheaply (the shortest ones), so that the answer cannot be weaker and the first search is
 * exact with the tightest floor known.
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
