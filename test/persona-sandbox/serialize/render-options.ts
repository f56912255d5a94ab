import type { Inflection } from '../core/inflection.ts';

/** 2025-10-27 and later: PII only in `fields`, nothing included unless asked, field keys kept. */
export type ApiShape = 'current' | 'legacy';

export interface RenderOptions {
  shape: ApiShape;
  inflection: Inflection;
  /** `fields[type]=a,b` sparse fieldsets, names already in kebab case. */
  sparse: ReadonlyMap<string, ReadonlySet<string>>;
  now: number;
  /** Signed, expiring URL (and size) of an image the sandbox serves under /files. */
  file: (verificationId: string, name: string) => { url: string; byteSize: number };
}
