/**
 * Size limits both sides check. Kept apart from the zod schemas (contract.ts) so the renderer
 * can refuse a too-large file by name without bundling zod.
 */

/** Largest single input a reader may import (the size limit of DESIGN.md / import issue). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** Largest backup or JSON-LD document a restore or an annotation import reads, in characters. */
export const MAX_ARCHIVE_CHARS = 512 * 1024 * 1024
