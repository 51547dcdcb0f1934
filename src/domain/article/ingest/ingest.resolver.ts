import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { requireEditor } from "../../../auth/viewer.js";
import type { Context } from "../../../context.js";
import { loadNode } from "../../shared/load.js";
import { IngestArticleInput } from "../article.input.js";
import type { Article } from "../article.type.js";
import { IngestArticlePayload } from "./ingest-payload.type.js";
import { ingestArticle } from "./ingest.service.js";
import type { Label } from "../../../cypher/labels.js";
import type { Node } from "../../../graphql/node.interface.js";
import type { LinkedNode, NodeCandidate } from "../../resolution/node-candidate.type.js";
import { KIND_OF_LABEL } from "../../shared/node-ref.input.js";

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestArticlePayload, {
    description: "Writes an article and everything it asserts in one transaction (editor only). Idempotent per URL and content.",
  })
  async ingestArticle(
    @Arg("input", () => IngestArticleInput) input: IngestArticleInput,
    @Ctx() ctx: Context,
  ): Promise<IngestArticlePayload> {
    requireEditor(ctx.viewer, "ingestArticle");
    const result = await ingestArticle(ctx.cypher, input, { linkThreshold: ctx.settings.resolveLinkThreshold });
    // After the commit: subscribers never hear of a rolled-back or no-op write.
    await ctx.events.publish(result.events);
    const article = await loadNode<Article>(ctx, "Article", result.articleUid);
    if (!article) throw new Error(`ingested article ${result.articleUid} could not be read back`);
    const { created, changed, current, counts } = result;
    ctx.logger.info({ article: article.url, created, changed, current, counts, linked: result.linked.length }, "article ingested");
    const node = (label: Label, key: string) => loadNode<Node>(ctx, label, key);
    const possibleDuplicates = await Promise.all(
      result.possibleDuplicates.map(async (d) => ({
        kind: KIND_OF_LABEL[d.label],
        key: d.key,
        candidates: (
          await Promise.all(d.candidates.map(async (c) => ({ node: await node(c.label, c.key), score: c.score, reasons: [...c.reasons] })))
        ).filter((c): c is NodeCandidate => c.node !== null),
      })),
    );
    const linked = (
      await Promise.all(
        result.linked.map(async (l) => ({
          kind: KIND_OF_LABEL[l.label],
          key: l.key,
          node: await node(l.candidate.label, l.candidate.key),
          score: l.candidate.score,
        })),
      )
    ).filter((l): l is LinkedNode => l.node !== null);
    return { article, created, changed, current, counts, possibleDuplicates, linked };
  }
}
