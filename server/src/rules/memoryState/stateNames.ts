/**
 * Names of containers that hold per-user state: sessions, carts, logins, tokens, uploads and
 * their kin. Matched against the container's own name (`user_sessions`, `cartsByUser`).
 */
export const STATE_NAME =
  /(session|cart|basket|login|logged|token|upload|user|auth|visitor|online|presence|otp|csrf|nonce|wishlist|favou?rite|preference|profile|account|attempt|rate_?limit|ratelimit|throttle|checkout|draft|inbox|notification|subscription|verification|reset_code|magic_?link|invite|progress)/i;

/** Keys that identify a user or a request: a container indexed by them holds per-user state. */
export const KEY_HINT =
  /\[[^\]]*\b(request|req|ctx|current_user|g\.user|user_?id|userId|uid|sid|session_?id|sessionId|token|remote_addr|ip)\b/;
