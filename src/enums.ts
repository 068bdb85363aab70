/**
 * The fixed sets of values of the output contract, as plain lists: schema.ts builds its zod enums from them,
 * and the code that runs in `vncite` checks against them without loading zod (see `vncite/schema`).
 */

/** How a citing document relates to a cited one. */
export const RELATIONS = ["mentions", "basedOn", "implements", "continues", "guides", "amends", "replaces", "repeals", "corrects"] as const;

/** The part of the document a relation was read from (see README, Relations). */
export const RELATION_RULES = ["preamble", "purpose", "article", "list-item", "stated", "portal-note"] as const;

/** What an amending text does to the document it names. */
export const AMENDMENT_ACTIONS = ["amends", "replaces", "repeals"] as const;

/** What a registry says of a document's standing. */
export const REGISTRY_STATUSES = ["in-force", "amended", "replaced", "repealed", "expired", "unknown"] as const;

/** How a citation's key was reached: its own number, the statutes catalogue, or a graph's corpus (see Citation.keySource). */
export const KEY_SOURCES = ["printed", "catalogue", "corpus"] as const;

/** How a graph knows a law's name key and number are one document: the catalogue says so, or a corpus text states both. */
export const ALIAS_SOURCES = ["catalogue", "corpus"] as const;
