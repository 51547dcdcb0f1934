import { KEY_PROPERTY } from "../../../cypher/labels.js";

/** The Cypher of versioned links (see versioned-links.ts): retiring the links a new version drops, writing those it states. */

/** Key property of every node a versioned link may point at. */
const TARGET_KEY: Readonly<Record<string, string>> = { ...KEY_PROPERTY, Tag: "name" };

/** Cypher expression: the identity of link `r` to node `n`, as versionedLink() writes it. */
function linkIdentity(r: string, n: string): string {
  const keys = Object.entries(TARGET_KEY).map(([label, property]) => `WHEN ${n}:${label} THEN ${n}.${property}`);
  return `type(${r}) + '|' + head(labels(${n})) + '|' + CASE ${keys.join(" ")} END`;
}

/**
 * Cypher that retires the current links of `types` of the owners in `$retire` (maps
 * `{ uid, links }` of owners labelled `ownerLabel`) that their new version does not state:
 * each becomes PAST_<TYPE> with the same properties and `supersededAt = $now`. Links the
 * version keeps are left as they are, so they keep their identity and history.
 */
export function retireLinks(ownerLabel: "Article" | "Claim", types: readonly string[]): string {
  return `UNWIND $retire AS owner
    MATCH (x:${ownerLabel} { id: owner.uid })
    MATCH (x)-[r:${types.join("|")}]->(n)
    WITH x, r, n, owner, ${linkIdentity("r", "n")} AS id
    WHERE NOT any(link IN owner.links WHERE link.id = id AND coalesce(link.stated, '') = coalesce(r.stated, ''))
    CREATE (x)-[past:$('PAST_' + type(r))]->(n)
    SET past = properties(r), past.supersededAt = datetime($now)
    DELETE r`;
}

/** Cypher SET items: a link's statement (see Statement) as properties of `r`, times as datetimes; none without one. */
const STATEMENT_PROPERTIES = `r.stated = link.stated, r.amountUsd = link.statement.amountUsd, r.title = link.statement.title,
        r.kind = link.statement.kind, r.occurredAt = datetime(link.statement.occurredAt), r.endedAt = datetime(link.statement.endedAt),
        r.startAt = datetime(link.statement.startAt), r.endAt = datetime(link.statement.endAt), r.open = link.statement.open,
        r.high = link.statement.high, r.low = link.statement.low, r.close = link.statement.close,
        r.description = link.statement.description`;

/**
 * Cypher that makes every link of `$links` (OwnedLinks of owners labelled `ownerLabel`,
 * grouped by target label in `$links.<Label>`) current, with `recordedAt = $now` when new:
 * merged, or, for owners that are new in this transaction (so none of their links can exist
 * yet), simply created. One subquery per target label, so every lookup is an index seek.
 */
export function writeLinks(ownerLabel: "Article" | "Claim", mode: "MERGE" | "CREATE"): string {
  const write = (label: string) => {
    // Only reports of events and moves carry statements.
    const set = ["Event", "PriceMove"].includes(label)
      ? `r.recordedAt = datetime($now), ${STATEMENT_PROPERTIES}`
      : "r.recordedAt = datetime($now)";
    return mode === "MERGE" ? `MERGE (x)-[r:$(link.type)]->(n) ON CREATE SET ${set}` : `CREATE (x)-[r:$(link.type)]->(n) SET ${set}`;
  };
  return Object.entries(TARGET_KEY)
    .map(
      ([label, property]) => `CALL () {
      UNWIND coalesce($links.${label}, []) AS link
      MATCH (x:${ownerLabel} { id: link.owner })
      MATCH (n:${label} { ${property}: link.key })
      ${write(label)}
    }`,
    )
    .join("\n    ");
}
