/**
 * An upload's name is for people to tell uploads apart, and the register lists it on
 * every line. Kept apart from the schemas so the CSV worker can use it without zod.
 */
export const UPLOAD_NAME_MAX_LENGTH = 200;
