/**
 * The shortest passphrase the desk takes: the background refuses a shorter one, and the options
 * page says so before it is sent, so a short one is neither sent nor logged as an error.
 */
export const MIN_PASSPHRASE_LENGTH = 8;
