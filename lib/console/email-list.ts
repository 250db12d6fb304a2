// The invite dialog's pasted list: addresses separated by commas, semicolons, spaces or lines,
// "Name <address>" reduced to the address, each checked and normalised the way the server will.
// Client-safe; the server validates again.

export interface ParsedEmail {
  raw: string;
  email: string;
  problem: string;
}

const SHAPE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function parseEmailList(text: string, domain: string): ParsedEmail[] {
  const seen = new Set<string>();
  const out: ParsedEmail[] = [];
  for (const piece of text.split(/[\s,;]+/)) {
    const raw = piece.trim();
    if (!raw) continue;
    const email = (/<([^>]+)>/.exec(raw)?.[1] ?? raw).replace(/^<|>$/g, "").trim().toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    let problem = "";
    if (!SHAPE.test(email) || email.length > 254) problem = "not an email address";
    else if (domain && email.slice(email.lastIndexOf("@") + 1) !== domain.toLowerCase()) problem = `outside ${domain}`;
    out.push({ raw, email, problem });
  }
  return out;
}
