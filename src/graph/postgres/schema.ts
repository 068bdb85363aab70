/**
 * The citation graph's PostgreSQL schema (`vncite`), as SQL text: what the loader runs, what `--format sql` writes
 * first, what docs/postgres.md documents.
 *
 * Two layers. The facts, one row per thing a document says, loaded as documents come and never changed after
 * (a document is in whole or not at all): documents, mentions, cited, stated, amendments, aliases, and what the
 * library reads of a string that SQL cannot (bodies: the key of an issuing body; party: a Party-style number).
 * The graph, built from the facts by `vncite.refresh()` with set-based SQL, as CitationGraph builds it in memory:
 * nodes, spellings, edges, evidence, amended_by. The questions are SQL functions over the graph.
 * Every text column is COLLATE "C" (compared by code point), so that SQL sorts as the library does.
 */
import { CHAIN_RELATIONS_SQL, EVIDENCE_LIMIT, RULE_ORDER_SQL } from "./constants.js";

export const SCHEMA_VERSION = "1";

const T = 'text COLLATE "C"';
const TA = 'text[] COLLATE "C"';

/** The facts: what the loader writes, with COPY, a batch of documents in one transaction. */
const FACTS = `
CREATE SCHEMA IF NOT EXISTS vncite;
CREATE TABLE IF NOT EXISTS vncite.meta (name ${T} PRIMARY KEY, value ${T});
INSERT INTO vncite.meta VALUES ('schema', '${SCHEMA_VERSION}'), ('stale', 'true') ON CONFLICT (name) DO NOTHING;
CREATE TABLE IF NOT EXISTS vncite.documents (
  doc bigserial PRIMARY KEY, id ${T} NOT NULL UNIQUE, key ${T}, kind ${T}, date ${T}, subject ${T}, loaded_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS documents_key ON vncite.documents (key);
CREATE TABLE IF NOT EXISTS vncite.mentions (
  doc bigint NOT NULL, key ${T} NOT NULL, start int NOT NULL, "end" int NOT NULL, text ${T} NOT NULL,
  counted boolean NOT NULL, spelled_start int NOT NULL, spelled_end int NOT NULL, spelled ${T} NOT NULL,
  kind ${T}, type_code ${T}, issued_by ${T}, date ${T}, term ${T}, subject ${T}, title ${T}, title_catalogued boolean);
-- A law's display title and an alias's source came later: a database made before gets the columns, null.
ALTER TABLE vncite.mentions ADD COLUMN IF NOT EXISTS title ${T};
ALTER TABLE vncite.mentions ADD COLUMN IF NOT EXISTS title_catalogued boolean;
CREATE INDEX IF NOT EXISTS mentions_doc ON vncite.mentions (doc);
CREATE TABLE IF NOT EXISTS vncite.cited (
  doc bigint NOT NULL, key ${T} NOT NULL, relation ${T} NOT NULL, mentions int NOT NULL, rule ${T});
CREATE INDEX IF NOT EXISTS cited_doc ON vncite.cited (doc);
CREATE TABLE IF NOT EXISTS vncite.stated (
  doc bigint NOT NULL, from_key ${T} NOT NULL, to_key ${T} NOT NULL, relation ${T} NOT NULL, rule ${T},
  start int NOT NULL, "end" int NOT NULL, text ${T} NOT NULL);
CREATE INDEX IF NOT EXISTS stated_doc ON vncite.stated (doc);
CREATE TABLE IF NOT EXISTS vncite.amendments (
  doc bigint NOT NULL, target ${T} NOT NULL, action ${T} NOT NULL, paths json NOT NULL, date ${T},
  start int NOT NULL, "end" int NOT NULL, text ${T} NOT NULL);
CREATE INDEX IF NOT EXISTS amendments_doc ON vncite.amendments (doc);
CREATE TABLE IF NOT EXISTS vncite.aliases (name ${T} PRIMARY KEY, key ${T} NOT NULL, doc bigint, source ${T});
ALTER TABLE vncite.aliases ADD COLUMN IF NOT EXISTS source ${T};
CREATE TABLE IF NOT EXISTS vncite.bodies (spelled ${T} PRIMARY KEY, body_key ${T} NOT NULL);
CREATE TABLE IF NOT EXISTS vncite.party (spelled ${T} PRIMARY KEY, number_issuer ${T} NOT NULL, code ${T} NOT NULL, key ${T} NOT NULL);
`;

/** The graph: rebuilt from the facts by vncite.refresh(). */
const GRAPH = `
CREATE TABLE IF NOT EXISTS vncite.nodes (
  node serial PRIMARY KEY, key ${T} NOT NULL UNIQUE, mentions int NOT NULL,
  kinds ${TA} NOT NULL, type_codes ${TA} NOT NULL, issued_by ${TA} NOT NULL, dates ${TA} NOT NULL, terms ${TA} NOT NULL,
  subjects ${TA} NOT NULL, texts ${TA} NOT NULL, title ${T});
ALTER TABLE vncite.nodes ADD COLUMN IF NOT EXISTS title ${T};
CREATE TABLE IF NOT EXISTS vncite.spellings (node int NOT NULL, doc ${T} NOT NULL, start int NOT NULL, "end" int NOT NULL, text ${T} NOT NULL);
CREATE TABLE IF NOT EXISTS vncite.edges (
  edge serial PRIMARY KEY, from_node int NOT NULL, to_node int NOT NULL, relation ${T} NOT NULL, count int NOT NULL,
  stated_by ${TA} NOT NULL, rules ${TA} NOT NULL, more_evidence int NOT NULL);
CREATE TABLE IF NOT EXISTS vncite.evidence (edge int NOT NULL, doc ${T} NOT NULL, start int NOT NULL, "end" int NOT NULL, text ${T} NOT NULL);
CREATE TABLE IF NOT EXISTS vncite.amended_by (
  node int NOT NULL, by ${T} NOT NULL, action ${T} NOT NULL, paths json NOT NULL, date ${T}, doc ${T} NOT NULL, start int NOT NULL, "end" int NOT NULL, text ${T} NOT NULL);
-- The graph's indexes: made after the rows, by refresh() (a sort), not row by row as millions are inserted.
CREATE OR REPLACE FUNCTION vncite.index_graph() RETURNS void LANGUAGE sql AS $$
CREATE INDEX IF NOT EXISTS spellings_node ON vncite.spellings (node);
CREATE INDEX IF NOT EXISTS edges_from ON vncite.edges (from_node);
CREATE INDEX IF NOT EXISTS edges_to ON vncite.edges (to_node);
CREATE INDEX IF NOT EXISTS evidence_edge ON vncite.evidence (edge);
CREATE INDEX IF NOT EXISTS amended_by_node ON vncite.amended_by (node);
$$;
SELECT vncite.index_graph();
CREATE OR REPLACE VIEW vncite.edge_keys AS
  SELECT e.*, f.key AS from_key, t.key AS to_key FROM vncite.edges e JOIN vncite.nodes f ON f.node = e.from_node JOIN vncite.nodes t ON t.node = e.to_node;
`;

/** The key a name is known under: a law's name key becomes its number once a text gave both. */
const CANONICAL = `
CREATE OR REPLACE FUNCTION vncite.canonical(k text) RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT coalesce((SELECT a.key FROM vncite.aliases a WHERE a.name = k), k) $$;
`;

/**
 * vncite.refresh(): the graph from the facts, as CitationGraph.add builds it: one node per canonical key with
 * every value seen (sorted, "" dropped but for texts), one edge per (from, to, relation) with the mentions counted,
 * the rules and the documents that state it, and the first EVIDENCE_LIMIT places by document and offset.
 */
const REFRESH = `
CREATE OR REPLACE FUNCTION vncite.refresh() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  LOCK TABLE vncite.documents IN SHARE MODE;
  -- Sorts and hashes of millions of rows in memory rather than on disk, for this transaction only.
  SET LOCAL work_mem = '256MB';
  -- Every statement here reads whole tables: hash joins, never a loop of index look-ups the estimates can mislead into.
  SET LOCAL enable_nestloop = off;
  TRUNCATE vncite.nodes, vncite.spellings, vncite.edges, vncite.evidence, vncite.amended_by RESTART IDENTITY;
  DROP INDEX IF EXISTS vncite.spellings_node, vncite.edges_from, vncite.edges_to, vncite.evidence_edge, vncite.amended_by_node;
  CREATE TEMP TABLE key_values ON COMMIT DROP AS
    SELECT coalesce(a.key, m.key) AS k, true AS mention, m.kind, m.type_code, m.issued_by, m.date, m.term, m.subject, NULL::text AS text, m.title, m.title_catalogued
      FROM vncite.mentions m LEFT JOIN vncite.aliases a ON a.name = m.key WHERE m.counted
    UNION ALL SELECT coalesce(a.key, d.key), false, d.kind, NULL, NULL, d.date, NULL, d.subject, d.id, NULL, NULL
      FROM vncite.documents d LEFT JOIN vncite.aliases a ON a.name = d.key WHERE d.key IS NOT NULL
    UNION ALL SELECT coalesce(a.key, c.key), false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM vncite.cited c LEFT JOIN vncite.aliases a ON a.name = c.key
    UNION ALL SELECT coalesce(a.key, x.target), false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM vncite.amendments x LEFT JOIN vncite.aliases a ON a.name = x.target
    UNION ALL SELECT coalesce(a.key, s.k), false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM (SELECT from_key AS k FROM vncite.stated UNION ALL SELECT to_key FROM vncite.stated) s LEFT JOIN vncite.aliases a ON a.name = s.k;
  ANALYZE key_values;
  INSERT INTO vncite.nodes (key, mentions, kinds, type_codes, issued_by, dates, terms, subjects, texts, title)
    SELECT k, count(*) FILTER (WHERE mention),
      coalesce(array_agg(DISTINCT kind ORDER BY kind) FILTER (WHERE kind <> ''), '{}'),
      coalesce(array_agg(DISTINCT type_code ORDER BY type_code) FILTER (WHERE type_code <> ''), '{}'),
      coalesce(array_agg(DISTINCT issued_by ORDER BY issued_by) FILTER (WHERE issued_by <> ''), '{}'),
      coalesce(array_agg(DISTINCT date ORDER BY date) FILTER (WHERE date <> ''), '{}'),
      coalesce(array_agg(DISTINCT term ORDER BY term) FILTER (WHERE term <> ''), '{}'),
      coalesce(array_agg(DISTINCT subject ORDER BY subject) FILTER (WHERE subject <> ''), '{}'),
      coalesce(array_agg(DISTINCT text ORDER BY text) FILTER (WHERE text IS NOT NULL), '{}'),
      -- As CitationGraph.noteTitle (betterTitle): the catalogue's, else the last in code point order.
      (array_agg(title ORDER BY title_catalogued DESC, title COLLATE "C" DESC) FILTER (WHERE mention AND title IS NOT NULL))[1]
    FROM key_values GROUP BY k;
  DROP TABLE key_values;
  INSERT INTO vncite.spellings
    SELECT n.node, d.id, m.spelled_start, m.spelled_end, m.spelled
    FROM vncite.mentions m JOIN vncite.documents d USING (doc) LEFT JOIN vncite.aliases a ON a.name = m.key
    JOIN vncite.nodes n ON n.key = coalesce(a.key, m.key) WHERE m.counted;
  -- Each edge fact: a document citing (its key to the cited key), or stating a relation between two it cites.
  CREATE TEMP TABLE edge_facts ON COMMIT DROP AS
    SELECT coalesce(af.key, d.key) AS f, coalesce(at.key, c.key) AS t, c.relation, c.mentions, c.rule, NULL::text AS stated_by, c.doc, c.key AS cited_key,
      NULL::int AS start, NULL::int AS "end", NULL::text AS text
      FROM vncite.cited c JOIN vncite.documents d USING (doc) LEFT JOIN vncite.aliases af ON af.name = d.key LEFT JOIN vncite.aliases at ON at.name = c.key
    UNION ALL SELECT coalesce(af.key, s.from_key), coalesce(at.key, s.to_key), s.relation, 0, s.rule, d.id, s.doc, NULL, s.start, s."end", s.text
      FROM vncite.stated s JOIN vncite.documents d USING (doc) LEFT JOIN vncite.aliases af ON af.name = s.from_key LEFT JOIN vncite.aliases at ON at.name = s.to_key;
  ANALYZE edge_facts;
  INSERT INTO vncite.edges (from_node, to_node, relation, count, stated_by, rules, more_evidence)
    SELECT nf.node, nt.node, x.relation, sum(x.mentions),
      coalesce(array_agg(DISTINCT x.stated_by ORDER BY x.stated_by) FILTER (WHERE x.stated_by IS NOT NULL), '{}'),
      coalesce(array_agg(DISTINCT x.rule ORDER BY x.rule) FILTER (WHERE x.rule IS NOT NULL), '{}'), 0
    FROM edge_facts x JOIN vncite.nodes nf ON nf.key = x.f JOIN vncite.nodes nt ON nt.key = x.t
    GROUP BY nf.node, nt.node, x.relation;
  ANALYZE vncite.nodes; ANALYZE vncite.edges;
  UPDATE vncite.edges SET rules = ARRAY(SELECT r FROM unnest(rules) r ORDER BY array_position(${RULE_ORDER_SQL}, r::text)) WHERE cardinality(rules) > 1;
  -- Evidence: each mention of the cited key in the citing document, and each stated relation's place.
  CREATE TEMP TABLE edge_evidence ON COMMIT DROP AS
    SELECT e.edge, d.id AS doc, ev.start, ev."end", ev.text FROM (
      SELECT x.f, x.t, x.relation, x.doc, m.start, m."end", m.text FROM edge_facts x JOIN vncite.mentions m ON m.doc = x.doc AND m.key = x.cited_key
      UNION ALL SELECT x.f, x.t, x.relation, x.doc, x.start, x."end", x.text FROM edge_facts x WHERE x.stated_by IS NOT NULL) ev
    JOIN vncite.documents d ON d.doc = ev.doc JOIN vncite.nodes nf ON nf.key = ev.f JOIN vncite.nodes nt ON nt.key = ev.t
    JOIN vncite.edges e ON e.from_node = nf.node AND e.to_node = nt.node AND e.relation = ev.relation;
  ANALYZE edge_evidence;
  DROP TABLE edge_facts;
  INSERT INTO vncite.evidence
    SELECT edge, doc, start, "end", text FROM (
      SELECT v.*, row_number() OVER (PARTITION BY edge ORDER BY doc, start, "end", text) AS i FROM edge_evidence v) r
    WHERE i <= ${EVIDENCE_LIMIT};
  UPDATE vncite.edges e SET more_evidence = c.n - ${EVIDENCE_LIMIT}
    FROM (SELECT edge, count(*) AS n FROM edge_evidence GROUP BY edge HAVING count(*) > ${EVIDENCE_LIMIT}) c WHERE c.edge = e.edge;
  DROP TABLE edge_evidence;
  INSERT INTO vncite.amended_by
    SELECT n.node, coalesce(coalesce(ad.key, d.key), d.id), x.action, x.paths, x.date, d.id, x.start, x."end", x.text
    FROM vncite.amendments x JOIN vncite.documents d USING (doc) LEFT JOIN vncite.aliases ad ON ad.name = d.key
    LEFT JOIN vncite.aliases a ON a.name = x.target JOIN vncite.nodes n ON n.key = coalesce(a.key, x.target);
  PERFORM vncite.index_graph();
  UPDATE vncite.meta SET value = 'false' WHERE name = 'stale';
  ANALYZE vncite.nodes; ANALYZE vncite.edges; ANALYZE vncite.evidence; ANALYZE vncite.spellings;
END $fn$;
`;

/** A node's and an edge's JSON, in the order of GraphNode and GraphEdge's fields. */
const JSON_FUNCTIONS = `
CREATE OR REPLACE FUNCTION vncite.occurrences(rows json) RETURNS json LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(rows, '[]'::json) $$;
CREATE OR REPLACE FUNCTION vncite.edge_json(e vncite.edges) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('from', (SELECT key FROM vncite.nodes WHERE node = e.from_node), 'to', (SELECT key FROM vncite.nodes WHERE node = e.to_node),
    'relation', e.relation, 'count', e.count, 'statedBy', to_json(e.stated_by),
    'evidence', vncite.occurrences((SELECT json_agg(json_build_object('doc', v.doc, 'start', v.start, 'end', v."end", 'text', v.text) ORDER BY v.doc, v.start, v."end", v.text)
      FROM vncite.evidence v WHERE v.edge = e.edge)),
    'moreEvidence', e.more_evidence, 'rules', to_json(e.rules)) $$;
CREATE OR REPLACE FUNCTION vncite.node_json(n vncite.nodes) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object('key', n.key, 'title', n.title, 'kinds', to_json(n.kinds), 'typeCodes', to_json(n.type_codes), 'issuedBy', to_json(n.issued_by),
    'dates', to_json(n.dates), 'terms', to_json(n.terms), 'subjects', to_json(n.subjects), 'texts', to_json(n.texts), 'mentions', n.mentions,
    'variants', vncite.occurrences((SELECT json_agg(json_build_object('doc', s.doc, 'start', s.start, 'end', s."end", 'text', s.text) ORDER BY s.doc, s.start, s."end", s.text)
      FROM vncite.spellings s WHERE s.node = n.node)),
    'amendedBy', vncite.occurrences((SELECT json_agg(json_build_object('by', a.by, 'action', a.action, 'paths', a.paths, 'date', a.date,
      'evidence', json_build_object('doc', a.doc, 'start', a.start, 'end', a."end", 'text', a.text)) ORDER BY a.doc, a.start, a."end", a.by)
      FROM vncite.amended_by a WHERE a.node = n.node))) $$;
CREATE OR REPLACE FUNCTION vncite.node_of(k text) RETURNS int LANGUAGE sql STABLE AS $$ SELECT node FROM vncite.nodes WHERE key = vncite.canonical(k) $$;
`;

/** The questions of `vncite query`, as the in-memory graph answers them. */
const QUESTIONS = `
CREATE OR REPLACE FUNCTION vncite.cites(k text) RETURNS SETOF json LANGUAGE sql STABLE AS $$
  SELECT vncite.edge_json(e) FROM vncite.edges e JOIN vncite.nodes t ON t.node = e.to_node
  WHERE e.from_node = vncite.node_of(k) ORDER BY t.key, e.relation $$;
CREATE OR REPLACE FUNCTION vncite.cited_by(k text) RETURNS SETOF json LANGUAGE sql STABLE AS $$
  SELECT vncite.edge_json(e) FROM vncite.edges e JOIN vncite.nodes f ON f.node = e.from_node
  WHERE e.to_node = vncite.node_of(k) ORDER BY f.key, e.relation $$;

-- chain (up) and descendants (down): breadth first over the relations of implementation; each document once, at
-- its least depth, reached from the first document of the level before in key order, by the first relation by name.
CREATE OR REPLACE FUNCTION vncite.walk(k text, up boolean) RETURNS TABLE (key text, depth int, "from" text, relation text) LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  start int := vncite.node_of(k);
  level int := 0;
  added int;
BEGIN
  IF start IS NULL THEN RETURN; END IF;
  CREATE TEMP TABLE IF NOT EXISTS vncite_walk (node int PRIMARY KEY, depth int NOT NULL, parent int, relation text COLLATE "C");
  TRUNCATE vncite_walk;
  INSERT INTO vncite_walk VALUES (start, 0, NULL, NULL);
  LOOP
    level := level + 1;
    INSERT INTO vncite_walk
      SELECT DISTINCT ON (x.other) x.other, level, x.node, x.relation FROM (
        SELECT CASE WHEN up THEN e.to_node ELSE e.from_node END AS other, w.node, p.key, e.relation
        FROM vncite_walk w JOIN vncite.nodes p ON p.node = w.node
        JOIN vncite.edges e ON (CASE WHEN up THEN e.from_node ELSE e.to_node END) = w.node
        WHERE w.depth = level - 1 AND e.relation IN (${CHAIN_RELATIONS_SQL})) x
      WHERE NOT EXISTS (SELECT 1 FROM vncite_walk s WHERE s.node = x.other)
      ORDER BY x.other, x.key, x.relation;
    GET DIAGNOSTICS added = ROW_COUNT;
    EXIT WHEN added = 0;
  END LOOP;
  RETURN QUERY SELECT n.key::text, w.depth, p.key::text, w.relation::text FROM vncite_walk w JOIN vncite.nodes n ON n.node = w.node JOIN vncite.nodes p ON p.node = w.parent
    WHERE w.depth > 0 ORDER BY w.depth, p.key, n.key;
  TRUNCATE vncite_walk;
END $fn$;
CREATE OR REPLACE FUNCTION vncite.chain(k text) RETURNS TABLE (key text, depth int, "from" text, relation text) LANGUAGE sql AS $$ SELECT * FROM vncite.walk(k, true) $$;
CREATE OR REPLACE FUNCTION vncite.descendants(k text) RETURNS TABLE (key text, depth int, "from" text, relation text) LANGUAGE sql AS $$ SELECT * FROM vncite.walk(k, false) $$;

-- path: the shortest chain of citations (any relation), breadth first; of several, the first in the order the
-- in-memory search meets them: each level ordered by its parent's place in the level before, then by key.
CREATE OR REPLACE FUNCTION vncite.path(a text, b text) RETURNS text[] LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  source int := vncite.node_of(a);
  target int := vncite.node_of(b);
  level int := 0;
  added int;
  result text[];
BEGIN
  IF source IS NULL OR target IS NULL THEN RETURN NULL; END IF;
  CREATE TEMP TABLE IF NOT EXISTS vncite_path (node int PRIMARY KEY, depth int NOT NULL, parent int, place bigint);
  TRUNCATE vncite_path;
  INSERT INTO vncite_path VALUES (source, 0, NULL, 0);
  WHILE NOT EXISTS (SELECT 1 FROM vncite_path WHERE node = target) LOOP
    level := level + 1;
    INSERT INTO vncite_path
      SELECT y.other, level, y.parent, row_number() OVER (ORDER BY y.parent_place, y.other_key) FROM (
        SELECT DISTINCT ON (e.to_node) e.to_node AS other, w.node AS parent, w.place AS parent_place, t.key AS other_key
        FROM vncite_path w JOIN vncite.edges e ON e.from_node = w.node JOIN vncite.nodes t ON t.node = e.to_node
        WHERE w.depth = level - 1 AND NOT EXISTS (SELECT 1 FROM vncite_path s WHERE s.node = e.to_node)
        ORDER BY e.to_node, w.place) y;
    GET DIAGNOSTICS added = ROW_COUNT;
    EXIT WHEN added = 0;
  END LOOP;
  IF EXISTS (SELECT 1 FROM vncite_path WHERE node = target) THEN
    WITH RECURSIVE back(node, parent, i) AS (
      SELECT node, parent, 0 FROM vncite_path WHERE node = target
      UNION ALL SELECT p.node, p.parent, back.i + 1 FROM back JOIN vncite_path p ON p.node = back.parent)
    SELECT array_agg(n.key::text ORDER BY back.i DESC) INTO result FROM back JOIN vncite.nodes n ON n.node = back.node;
  END IF;
  TRUNCATE vncite_path;
  RETURN result;
END $fn$;

-- most cited: by the number of documents citing (a relation stated by a third document alone is no citation),
-- then mentions, then key.
CREATE OR REPLACE FUNCTION vncite.most_cited(n int) RETURNS TABLE (key text, cited_by bigint, mentions int) LANGUAGE sql STABLE SET jit = off AS $$
  SELECT t.key, count(DISTINCT e.from_node), t.mentions FROM vncite.edges e JOIN vncite.nodes t ON t.node = e.to_node
  WHERE NOT (e.count = 0 AND cardinality(e.stated_by) > 0)
  GROUP BY t.node ORDER BY 2 DESC, t.mentions DESC, t.key LIMIT n $$;

CREATE OR REPLACE FUNCTION vncite.missing() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT key FROM vncite.nodes WHERE cardinality(texts) = 0 ORDER BY key $$;

-- conflicts: a key with several kinds, dates or terms; several issuing bodies (by body key, a body named inside
-- another's name being that one); one number and issuer under several type codes, as keys or spellings.
-- (Hash joins: each spelling read once, rather than every spelling sorted. No JIT: compiling a plan this size
-- took longer than running it.)
CREATE OR REPLACE FUNCTION vncite.conflicts() RETURNS TABLE (key text, field text, "values" text[], keys text[]) LANGUAGE sql STABLE
  SET enable_mergejoin = off SET enable_nestloop = off SET jit = off AS $$
  -- The spellings of numbers read with two codes anywhere (few), kept where a live node is so spelled: one pass
  -- over the spellings, each matched against the few.
  WITH candidates AS MATERIALIZED (
    SELECT * FROM vncite.party WHERE number_issuer IN (SELECT number_issuer FROM vncite.party GROUP BY number_issuer HAVING count(DISTINCT code) > 1)),
  live AS (
    SELECT c.* FROM candidates c WHERE EXISTS (SELECT 1 FROM vncite.nodes n WHERE n.key = c.spelled)
    UNION SELECT c.* FROM candidates c JOIN vncite.spellings s ON s.text = c.spelled),
  found AS (
    SELECT n.key, 'kinds' AS field, n.kinds AS vals, ARRAY[n.key] AS keys FROM vncite.nodes n WHERE cardinality(n.kinds) > 1
    UNION ALL SELECT n.key, 'dates', n.dates, ARRAY[n.key] FROM vncite.nodes n WHERE cardinality(n.dates) > 1
    UNION ALL SELECT n.key, 'terms', n.terms, ARRAY[n.key] FROM vncite.nodes n WHERE cardinality(n.terms) > 1
    UNION ALL SELECT b.key, 'issuedBy', array_agg(b.first ORDER BY b.first), ARRAY[b.key] FROM (
        SELECT k.node, k.key, k.first FROM (
          SELECT n.node, n.key, s.body_key, min(i.spelled) AS first
          FROM vncite.nodes n CROSS JOIN LATERAL unnest(n.issued_by) AS i(spelled) JOIN vncite.bodies s ON s.spelled = i.spelled
          WHERE cardinality(n.issued_by) > 1 GROUP BY n.node, n.key, s.body_key) k
        WHERE NOT EXISTS (
          SELECT 1 FROM unnest((SELECT issued_by FROM vncite.nodes WHERE node = k.node)) AS o(spelled) JOIN vncite.bodies ob ON ob.spelled = o.spelled
          WHERE ob.body_key <> k.body_key AND strpos(ob.body_key, k.body_key) > 0)) b
      GROUP BY b.node, b.key HAVING count(*) > 1
    UNION ALL SELECT min(p.key), 'typeCodes', array_agg(DISTINCT p.code ORDER BY p.code), array_agg(DISTINCT p.key ORDER BY p.key) FROM live p
      GROUP BY p.number_issuer HAVING count(DISTINCT p.code) > 1)
  SELECT key, field, vals, keys FROM found ORDER BY key COLLATE "C", field COLLATE "C" $$;
`;

/** The whole schema, created where missing (and its functions replaced): safe to run on every load. */
export const SCHEMA_SQL = [FACTS, GRAPH, CANONICAL, REFRESH, JSON_FUNCTIONS, QUESTIONS].join("\n");
