// The client's address as the request states it. One place, so the rule for which forwarding
// headers count is decided once for routes, actions and the console session.

/** The first X-Forwarded-For hop, else X-Real-IP, bounded; "" when neither is sent. */
export function clientIp(headers: Headers): string {
  const fwd = headers.get("x-forwarded-for");
  return (fwd ? fwd.split(",")[0] : headers.get("x-real-ip") ?? "").trim().slice(0, 64);
}
