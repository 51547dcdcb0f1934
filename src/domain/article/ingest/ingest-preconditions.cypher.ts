import { aliasRef } from "../../../cypher/aliases.js";
import { keyOf, lookupNode } from "../../../cypher/labels.js";

/**
 * Each URL of `$urls` as stored (if at all: whether it exists, its content hash); the indexes
 * of the references of `$refs` (`{ label, key, index }`) the graph holds by that key; which of
 * `$definitions` (the same shape) it holds by their key; and of both, those that are aliases
 * of a node (see cypher/aliases.ts) with the node's own key.
 */
export const READ_PRECONDITIONS = `CALL () {
       UNWIND $urls AS url
       OPTIONAL MATCH (a:Article { url: url })
       RETURN collect({ url: url, exists: a IS NOT NULL, hash: a.contentHash }) AS stored
     }
     CALL () {
       UNWIND $refs AS ref
       ${lookupNode("ref")}
       RETURN collect(DISTINCT ref.index) AS found
     }
     CALL () {
       UNWIND $definitions AS ref
       ${lookupNode("ref")}
       RETURN collect(DISTINCT ref.label + ':' + ref.key) AS existing
     }
     CALL () {
       UNWIND $refs + $definitions AS ref
       MATCH (:Alias { ref: ${aliasRef("ref")} })-[:ALIAS_OF]->(n)
       RETURN collect(DISTINCT { label: ref.label, key: ref.key, canonical: ${keyOf("n")} }) AS aliased
     }
     RETURN stored, found, existing, aliased`;
