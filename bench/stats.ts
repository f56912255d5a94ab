/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** `value` as a multiple of `base`, to two decimals: how the bench gives every ratio. */
export const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
