import type { Label } from "../../../cypher/labels.js";
import { FieldReader } from "../../../input/field-reader.js";
import { Problems } from "../../../input/problems.js";
import { toLabelKey } from "../../claim/claim.criteria.js";
import { NodeKind, type NodeRef } from "../../shared/node-ref.input.js";
import type { SourceInput } from "../../source/source.input.js";
import { SourceKind } from "../../source/source.type.js";
import type { FieldRef, SourceRow } from "./normalized.js";

/** Longest list an input may carry in any one field. */
export const MAX_LIST = 500;

/**
 * What normalising one ingest input shares across its sections: the problems found so far,
 * the outlets it names, the keys it defines, and the references it makes to nodes it does
 * not define (to be checked against the graph).
 */
export class InputScope {
  readonly problems = new Problems();
  readonly read = new FieldReader(this.problems);
  readonly sources = new Map<string, SourceRow>();
  readonly externalRefs: FieldRef[] = [];
  readonly #defined = new Map<Label, Set<string>>();

  /** The argument path of a field: `claims[2].cause` -> `input.claims[2].cause`. */
  at(path: string): string {
    return `input.${path}`;
  }

  /** Records an outlet (the first mention names it) and returns its canonical domain. */
  addSource(value: SourceInput | undefined, path: string): string {
    if (!value) return this.read.text(undefined, this.at(path), 1);
    const domain = this.read.domain(value.domain, this.at(`${path}.domain`));
    const name = this.read.text(value.name, this.at(`${path}.name`), 200);
    const kind = this.read.oneOf(value.kind, this.at(`${path}.kind`), SourceKind);
    if (!this.sources.has(domain)) this.sources.set(domain, { domain, name, kind });
    return domain;
  }

  /** An outlet known only by domain (an inline attribution): named after its domain until an ingest names it. */
  addAttributedSource(domain: string): void {
    if (!this.sources.has(domain)) this.sources.set(domain, { domain, name: domain, kind: null });
  }

  /** Records that the input defines `label` `key`; defining it twice is a problem. */
  define(label: Label, key: string, path: string): void {
    const keys = this.#defined.get(label) ?? new Set<string>();
    if (keys.has(key)) this.problems.add(this.at(path), `duplicates an earlier ${label} "${key}" in this input`);
    keys.add(key);
    this.#defined.set(label, keys);
  }

  /**
   * Resolves a reference made at `path` to a label and canonical key; one the input does not
   * define is kept in externalRefs. Null (with a problem recorded) when it cannot be read.
   */
  ref(value: NodeRef | undefined, path: string, allowed?: ReadonlySet<NodeKind>) {
    const field = this.at(path);
    const kind = this.read.oneOf(value?.kind, `${field}.kind`, NodeKind);
    if (!kind || !value) return null;
    if (allowed && !allowed.has(kind)) {
      this.problems.add(`${field}.kind`, `cannot be ${kind} here (allowed: ${[...allowed].join(", ")})`);
      return null;
    }
    const { label, key } = toLabelKey(value, field, this.read);
    const known = label === "Source" ? this.sources.has(key) : this.#defined.get(label)?.has(key);
    if (!known) this.externalRefs.push({ label, key, field });
    return { label, key };
  }

  /** The canonical symbol of an asset referred to at `path`. */
  assetRef(symbol: unknown, path: string): string {
    const canonical = this.read.symbol(symbol, this.at(path));
    return this.ref({ kind: NodeKind.ASSET, key: canonical }, path)?.key ?? canonical;
  }
}
