// A value built on first use and kept. The worker wakes for one event at a time, and building
// every zod schema while its script runs delayed each first answer (docs/benchmarks.md, cold
// start); a schema written as `lazy(() => z.object(...))` is built by its first parse instead.
// Still one definition per schema, and every read still parsed with it.
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
