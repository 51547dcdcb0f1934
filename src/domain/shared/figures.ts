/**
 * When figures stated for one thing disagree (docs/meaning.md, "Figures stated per article"):
 * amounts more than AMOUNT_TOLERANCE of the larger apart, prices more than PRICE_TOLERANCE of the
 * larger apart. The attribution audit and `figuresDisputed` use the same settings.
 */
export const AMOUNT_TOLERANCE = 0.1;
export const PRICE_TOLERANCE = 0.01;

/** True when two of `values` (nulls left out) differ by more than `tolerance` of the larger. */
export function disputed(values: readonly (number | null | undefined)[], tolerance: number): boolean {
  const given = values.filter((value): value is number => typeof value === "number");
  if (given.length < 2) return false;
  const [low, high] = [Math.min(...given), Math.max(...given)];
  return high - low > tolerance * Math.max(Math.abs(low), Math.abs(high));
}
