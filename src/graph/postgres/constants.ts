/** What the SQL of the PostgreSQL graph shares with the in-memory one, written once as SQL literals. */
import { RELATION_RULES } from "../../enums.js";
import { EVIDENCE_PER_EDGE } from "../graph.js";

/** A SQL string literal. */
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The relations a chain of implementation follows (CitationGraph.chain, descendants). */
export const CHAIN_RELATIONS_SQL = ["implements", "continues", "basedOn", "guides"].map(sqlString).join(", ");

/** The order the rules of an edge are listed in (CitationGraph's rulesOf). */
export const RULE_ORDER_SQL = `ARRAY[${RELATION_RULES.map(sqlString).join(", ")}]`;

export const EVIDENCE_LIMIT = EVIDENCE_PER_EDGE;
