/** The citation graph in PostgreSQL: loading (loadPostgres), questions (PostgresGraph), the schema and its SQL dump. */
export { type PgClient, PostgresError } from "./driver.js";
export { isPostgresUrl } from "../../postgres-url.js";
export { loadPostgres, type PostgresLoadOptions, type PostgresLoadResult } from "./load.js";
export { PostgresGraph } from "./query.js";
export { SCHEMA_SQL } from "./schema.js";
export { sqlDumpLines } from "./dump.js";
