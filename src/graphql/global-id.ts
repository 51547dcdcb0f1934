import { BadUserInputError } from "../errors.js";

/** Global ids are opaque to clients: base64url("Type:key"). */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

export interface DecodedGlobalId {
  readonly type: string;
  readonly key: string;
}

export function fromGlobalId(id: string, argument = "id"): DecodedGlobalId {
  const text = Buffer.from(id, "base64url").toString("utf8");
  const separator = text.indexOf(":");
  const type = text.slice(0, separator);
  if (separator <= 0 || !/^[A-Z][A-Za-z]+$/.test(type) || toGlobalId(type, text.slice(separator + 1)) !== id) {
    throw new BadUserInputError(`"${id}" is not an id issued by this API`, argument);
  }
  return { type, key: text.slice(separator + 1) };
}
