// Facts about the read API that several of its parts state. Pure.

/** The version in the OpenAPI document's `info`; the address carries the major one (/api/v1). */
export const API_VERSION = "1.0.0";

/** The methods the read API answers. */
export const ALLOWED_METHODS_TEXT = "GET, HEAD, OPTIONS";
