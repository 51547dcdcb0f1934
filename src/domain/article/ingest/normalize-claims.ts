import { CausalRelation, Modality, Polarity } from "../../claim/claim.enums.js";
import { CAUSAL_NODE_KINDS, NodeKind } from "../../shared/node-ref.input.js";
import type { IngestArticleInput } from "../article.input.js";
import { shortContentHash } from "./content-hash.js";
import { MAX_LIST, type InputScope } from "./input-scope.js";
import type { ClaimRow, LinkRow, NormalizedArticle } from "./normalized.js";

/** A claim before it gets its versioned id: its fields and the links it will write. */
export type ClaimDraft = Omit<ClaimRow, "uid"> & { links: Omit<LinkRow, "from">[] };

/** The article's claims: relation, polarity, modality and confidence, and their cause, effect, conditions, attributions, support and narratives. */
export function normalizeClaims(scope: InputScope, input: IngestArticleInput, cites: NormalizedArticle["cites"]): ClaimDraft[] {
  const { read, problems } = scope;
  const at = (path: string) => scope.at(path);
  const citeUids = new Map(cites.map((c) => [c.url, c.uid]));
  const keys = new Map<string, number>();

  return read.list(input.claims, at("claims"), MAX_LIST).map((c, i) => {
    const path = `claims[${i}]`;
    const relation = read.oneOf(c.relation, at(`${path}.relation`), CausalRelation) ?? CausalRelation.CAUSES;
    const polarity = read.oneOf(c.polarity, at(`${path}.polarity`), Polarity, Polarity.ASSERTED)!;
    const modality = read.oneOf(c.modality, at(`${path}.modality`), Modality, Modality.FACT)!;
    const confidence = read.number(c.confidence ?? 0.5, at(`${path}.confidence`), { min: 0, max: 1 }) ?? 0.5;
    const text = read.text(c.text, at(`${path}.text`), 4000);
    const cause = scope.ref(c.cause, `${path}.cause`, CAUSAL_NODE_KINDS);
    const effect = scope.ref(c.effect, `${path}.effect`, CAUSAL_NODE_KINDS);
    if (cause && effect && cause.label === effect.label && cause.key === effect.key) {
      problems.add(at(`${path}.effect`), "must differ from the cause");
    }
    const conditionInputs = read.list(c.conditions, at(`${path}.conditions`), 20);
    const conditions = conditionInputs.flatMap((z, j) => scope.ref(z, `${path}.conditions[${j}]`, CAUSAL_NODE_KINDS) ?? []);
    if (modality === Modality.CONDITIONAL && conditionInputs.length === 0) {
      problems.add(at(`${path}.conditions`), "a CONDITIONAL claim needs at least one condition");
    }
    if (modality !== Modality.CONDITIONAL && conditionInputs.length > 0) {
      problems.add(at(`${path}.modality`), "must be CONDITIONAL when the claim has conditions");
    }
    // Without a key, the claim is identified by what it says (whitespace aside), in every version of its article.
    const key = c.key ? read.key(c.key, at(`${path}.key`)) : `c-${shortContentHash({ text, relation, polarity, cause, effect })}`;
    const earlier = keys.get(key);
    if (earlier !== undefined) problems.add(at(c.key ? `${path}.key` : path), `duplicates claims[${earlier}]`);
    keys.set(key, i);

    const links = [
      ...(cause ? [{ role: "CAUSE", ...cause }] : []),
      ...(effect ? [{ role: "EFFECT", ...effect }] : []),
      ...conditions.map((z) => ({ role: "IF", ...z })),
      ...read.list(c.attributedTo, at(`${path}.attributedTo`), 20).map((d, j) => {
        const domain = read.domain(d, at(`${path}.attributedTo[${j}]`));
        scope.addAttributedSource(domain);
        return { role: "ATTRIBUTED_TO", label: "Source" as const, key: domain };
      }),
      ...read.list(c.supportedBy, at(`${path}.supportedBy`), 20).flatMap((u, j) => {
        const field = at(`${path}.supportedBy[${j}]`);
        const citeUid = citeUids.get(read.url(u, field));
        if (!citeUid) problems.add(field, `"${u}" is not among this article's cites`);
        return citeUid ? [{ role: "SUPPORTED_BY", label: "Article" as const, key: citeUid }] : [];
      }),
      ...read.list(c.narratives, at(`${path}.narratives`), 20).flatMap((n, j) => {
        const resolved = scope.ref({ kind: NodeKind.NARRATIVE, key: n }, `${path}.narratives[${j}]`);
        return resolved ? [{ role: "ADVANCES", ...resolved }] : [];
      }),
    ];
    return { key, text, relation, polarity, modality, confidence, links };
  });
}
