import { ForbiddenError, UnauthenticatedError } from "../errors.js";

/** The role that may write to the graph. */
export const EDITOR_ROLE = "editor";

/** Who is asking, and how they proved it. Reads need nothing; writes need an editor. */
export interface Viewer {
  /** Stable identifier of the caller (JWT `sub`, or a digest prefix for API keys); never a secret. */
  readonly subject: string | null;
  readonly roles: readonly string[];
  readonly via: "anonymous" | "api-key" | "jwt";
  /**
   * When these credentials stop being accepted (ms since the epoch): a JWT's `exp` plus the
   * clock tolerance. Absent for credentials that do not lapse (API keys, anonymous).
   */
  readonly expiresAt?: number;
}

/** The viewer of every request that sends no Authorization header. */
export const ANONYMOUS: Viewer = Object.freeze({ subject: null, roles: Object.freeze([]), via: "anonymous" });

/** True when the viewer may write. */
export function isEditor(viewer: Viewer): boolean {
  return viewer.roles.includes(EDITOR_ROLE);
}

/**
 * Guards a write. Anonymous callers get UNAUTHENTICATED (they can fix it by sending a token);
 * authenticated callers without the role get FORBIDDEN (a different token is needed).
 * `operation` names the field in the message, e.g. "ingestArticle".
 */
export function requireEditor(viewer: Viewer, operation?: string): void {
  if (isEditor(viewer)) return;
  const what = operation ?? "This operation";
  if (viewer.via === "anonymous") {
    throw new UnauthenticatedError(`${what} needs an editor: send Authorization: Bearer <token>`);
  }
  throw new ForbiddenError(`${what} needs the ${EDITOR_ROLE} role, which the presented credentials do not grant`);
}
