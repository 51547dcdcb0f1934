import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { requireEditor } from "../../../auth/viewer.js";
import type { Context } from "../../../context.js";
import { loadNode } from "../../shared/load.js";
import { IngestArticleInput } from "../article.input.js";
import type { Article } from "../article.type.js";
import { IngestArticlePayload } from "./ingest-payload.type.js";
import { ingestArticle } from "./ingest.service.js";

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
    const result = await ingestArticle(ctx.cypher, input);
    // After the commit: subscribers never hear of a rolled-back or no-op write.
    await ctx.events.publish(result.events);
    const article = await loadNode<Article>(ctx, "Article", result.articleUid);
    if (!article) throw new Error(`ingested article ${result.articleUid} could not be read back`);
    const { created, changed, current, counts } = result;
    ctx.logger.info({ article: article.url, created, changed, current, counts }, "article ingested");
    return { article, created, changed, current, counts };
  }
}
