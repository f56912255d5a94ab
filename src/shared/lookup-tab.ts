/**
 * The only thing a lookup's tab URL says: "follow the lookup route". The looked-up text travels in
 * storage.session, never in the URL, which History and the session-restore files would keep.
 */
export const LOOKUP_TAB_PARAM = 'lookup';
