import { lookupNode } from "../../../cypher/labels.js";

/**
 * Each URL of `$urls` as stored (if at all: whether it exists, its content hash), and the
 * indexes of the references of `$refs` (`{ label, key, index }`) the graph holds.
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
     RETURN stored, found`;
