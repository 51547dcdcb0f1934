import { Field, Int, ObjectType } from "type-graphql";
import { LinkedNode, PossibleDuplicate } from "../../resolution/node-candidate.type.js";
import { Article } from "../article.type.js";

@ObjectType({ description: "What one ingest wrote." })
export class IngestCounts {
  @Field(() => Int)
  nodesCreated!: number;

  @Field(() => Int)
  relationshipsCreated!: number;

  @Field(() => Int, { description: "Claims newly recorded (a claim is its article plus its key, or without a key its content)." })
  claims!: number;

  @Field(() => Int, { description: "Claims of the stored version that this one does not make: kept, and no longer current." })
  claimsSuperseded!: number;

  @Field(() => Int, { description: "Claims an earlier version made, superseded since, that this version makes again: current again." })
  claimsRestored!: number;
}

@ObjectType()
export class IngestArticlePayload {
  @Field(() => Article)
  article!: Article;

  @Field({ description: "True when this call first ingested the article; false when it was already there." })
  created!: boolean;

  @Field({
    description:
      "True when this content became the article's current version; false when it already was (nothing " +
      "was written) or when it is older than the current version by updatedAt (kept as history only).",
  })
  changed!: boolean;

  @Field({
    description:
      "True when the content sent is the article's current version after this call; false when a version " +
      "with a later updatedAt is current, so this one was kept as history (see `article.versions`).",
  })
  current!: boolean;

  @Field(() => IngestCounts)
  counts!: IngestCounts;

  @Field(() => [PossibleDuplicate], {
    description:
      "Nodes this ingest created whose candidates (nodeCandidates) score at least 0.5: they may be existing nodes " +
      "under other keys. Empty when nothing was written.",
  })
  possibleDuplicates!: PossibleDuplicate[];

  @Field(() => [LinkedNode], { description: "Keys this article gave that were taken for existing nodes (resolution LINK)." })
  linked!: LinkedNode[];
}
