/**
 * Details for Fastify's own errors, by code. Some of Fastify's messages repeat what the caller sent (the URL, a
 * path parameter, the media type); the problem says what was wrong without echoing it.
 */
const FRAMEWORK_DETAILS: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'the URL is not valid: a path segment is not percent-encoded UTF-8',
  FST_ERR_MAX_PARAM_LENGTH: 'a path parameter is longer than the server accepts',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'this operation does not accept a body of that media type; send application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is larger than the server accepts',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the request body did not match its Content-Length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty although its content-type says JSON',
};

/** The caller-safe detail of one of Fastify's 4xx errors. */
export function frameworkErrorDetail(error: Error & { readonly code: string }): string {
  return FRAMEWORK_DETAILS[error.code] ?? error.message;
}
