import { UnauthenticatedError } from "../errors.js";

/**
 * A rejected Authorization header. Still an UnauthenticatedError (code UNAUTHENTICATED), but it
 * also carries `extensions.http`, which Apollo turns into the HTTP status and headers of the
 * response (and strips from the body): a credential problem found while building the context
 * would otherwise be answered with 500.
 */
export class BearerRejectedError extends UnauthenticatedError {
  constructor(message: string, reason: "invalid_request" | "invalid_token") {
    super(message);
    // RFC 6750: a 401 names the scheme the client should use and why the attempt failed.
    this.extensions["http"] = {
      status: 401,
      headers: new Map([["www-authenticate", `Bearer error="${reason}"`]]),
    };
  }
}
