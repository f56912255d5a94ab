import { formatNumber } from './format-time.ts';

// How many names one announcement of news says before it counts the rest: a list of twenty (a
// check after a night offline) would hold a screen reader for a minute, and the rows show them.
const NAMED = 3;

/** `names`, the first NAMED of them and the rest counted by `more`: "and 1 more" would say less than its name. */
export function namedUpTo(names: string[], more: (count: string) => string): string[] {
  const rest = names.length - NAMED;
  return rest > 1 ? [...names.slice(0, NAMED), more(formatNumber(rest))] : names;
}
