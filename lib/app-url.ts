// The console's public origin, for links in mail: NEXTAUTH_URL (never a request's Host header,
// which a client chooses).

export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
