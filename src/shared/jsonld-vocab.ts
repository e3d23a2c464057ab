/** The prefix of what only Sorot needs to round-trip through W3C Web Annotation JSON-LD. */
export const SOROT_VOCAB = 'urn:sorot:vocab#'
