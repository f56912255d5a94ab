// The named functions the stored-item, policy and request schemas use where a rule alone cannot
// say it: refine and custom predicates, defaults made by a function, and salvage of a whole item.
// The check generator (scripts/lib/schema-rule.ts) finds a schema's function here by identity and
// makes the generated code call it by this name; a function not listed is refused. Nothing here
// may import zod: the generated checks import these, and they run where zod must not load.
export { salvageTrail } from './audit/trail-salvage.ts';
export { looksLikeInquiryView } from './cached-view-check.ts';
export { isInquiryId } from './persona/inquiry-id.ts';
export { isPersonaOrLoopbackLink } from './persona/trusted-link.ts';
export { salvageFields } from './salvage.ts';
export { defaultChatTemplate } from './settings-values.ts';
