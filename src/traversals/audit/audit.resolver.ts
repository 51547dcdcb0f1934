import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Article } from "../../domain/article/article.type.js";
import type { Claim } from "../../domain/claim/claim.type.js";
import type { Event } from "../../domain/event/event.type.js";
import { loadNode } from "../../domain/shared/load.js";
import { toGraphNode } from "../../domain/node/node.mapper.js";
import { Source } from "../../domain/source/source.type.js";
import { selectedFields } from "../../graphql/selection.js";
import { FieldReader } from "../../input/field-reader.js";
import { Problems } from "../../input/problems.js";
import { readAuditScope } from "./audit.criteria.js";
import { auditClaims, type AuditRow } from "./audit.repository.js";
import {
  AttributionReport,
  AttributionConflict,
  AttributionStatus,
  AttributionSummary,
  AuditFilter,
  ClaimAttribution,
  ConflictKind,
} from "./audit.type.js";

const MAX_CLAIMS = 2_000;

function toAttribution(row: AuditRow): ClaimAttribution {
  const claim = toGraphNode(row.claim) as Claim;
  const opposing: AttributionConflict[] = row.opposing.map((other) => {
    const otherClaim = toGraphNode(other) as Claim;
    const samePolarity = otherClaim.polarity === claim.polarity;
    return {
      kind: samePolarity ? ConflictKind.RELATION : ConflictKind.POLARITY,
      description: samePolarity
        ? `Another claim on the same cause and effect says it ${otherClaim.relation} rather than ${claim.relation}: "${otherClaim.text}"`
        : `Another claim on the same cause and effect is ${otherClaim.polarity}: "${otherClaim.text}"`,
      claim: otherClaim,
      event: null,
      article: null,
      amountUsd: null,
      otherAmountUsd: null,
    };
  });
  return {
    claim,
    status: row.status as AttributionStatus,
    independentDomains: row.domains,
    independentSourceCount: row.domains.length,
    conflictsWith: opposing,
    figuresDisputed: row.statedFigures.length > 0,
    statedFigures: row.statedFigures.map((figure) => ({
      event: toGraphNode(figure.event) as Event,
      article: toGraphNode(figure.article) as Article,
      amountUsd: figure.amountUsd,
    })),
  };
}

@Resolver(() => ClaimAttribution)
export class AuditResolver {
  @Query(() => AttributionReport, {
    description:
      "On whose authority each current claim rests: attributed outlets, cited articles, independent " +
      "corroboration and conflicts. Single-source, uncited and conflicting claims are listed, never hidden. " +
      "" +
      "Claims are listed newest article first (then article URL, claim key). Selecting `summary` or " +
      "filtering by `status` audits every claim in scope (about 2 s for an outlet with 70,000 claims); a " +
      "list without them audits only the claims it lists.",
  })
  async attributionAudit(
    @Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: 500,
      description: `Most claims listed (at most ${MAX_CLAIMS}); the summary counts all.`,
    })
    first: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AttributionReport> {
    const problems = new Problems();
    const read = new FieldReader(problems);
    const f = filter ?? {};
    const limit = read.integer(first ?? 500, "first", 1, MAX_CLAIMS) ?? 500;
    const scope = readAuditScope(f, problems, read, "filter");
    problems.throwIfAny();
    // The summary and the status filter need every claim in scope audited; a page alone needs
    // only its claims (one more tells whether the list is truncated).
    const wholeScope = scope.status !== null || (selectedFields(info)?.get("AttributionReport")?.has("summary") ?? true);
    const rows = await auditClaims(ctx.cypher, scope, wholeScope ? limit : limit + 1, wholeScope);
    const { summary } = rows;
    if (!summary) {
      return {
        claims: rows.claims.slice(0, limit).map(toAttribution),
        truncated: rows.claims.length > limit,
        get summary(): AttributionSummary {
          throw new Error("attributionAudit: the summary was not selected, so it was not computed");
        },
      };
    }
    const selected = scope.status ? summary[statusCountKey(scope.status as AttributionStatus)] : summary.total;
    return { claims: rows.claims.map(toAttribution), summary, truncated: selected > rows.claims.length };
  }

  @FieldResolver(() => [Source], { description: 'Outlets the claim credits inline ("according to ...").' })
  attributedSources(@Root() attribution: ClaimAttribution, @Ctx() ctx: Context) {
    return ctx.loaders.attributedToOfClaim.load(attribution.claim.uid);
  }

  @FieldResolver(() => [Article], { description: "Cited articles that back the claim." })
  citedArticles(@Root() attribution: ClaimAttribution, @Ctx() ctx: Context) {
    return ctx.loaders.supportedByOfClaim.load(attribution.claim.uid);
  }
}

@Resolver(() => AttributionConflict)
export class AttributionConflictResolver {
  @FieldResolver(() => Article, {
    nullable: true,
    description: "The article that disagrees: the one making the opposing claim.",
  })
  article(@Root() conflict: AttributionConflict, @Ctx() ctx: Context): Article | null | Promise<Article | null> {
    if (conflict.article) return conflict.article;
    return conflict.claim ? loadNode<Article>(ctx, "Article", conflict.claim.articleUid) : null;
  }
}

function statusCountKey(status: AttributionStatus) {
  const keys = {
    [AttributionStatus.CORROBORATED]: "corroborated",
    [AttributionStatus.SINGLE_SOURCE]: "singleSource",
    [AttributionStatus.UNCITED]: "uncited",
    [AttributionStatus.CONFLICTING]: "conflicting",
  } as const;
  return keys[status];
}
