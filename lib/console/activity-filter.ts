// The Activity pages' filter form ↔ the audit list's AIP-160 filter. Dates in the form are days
// in the page's time zone (the effective preference), turned into the UTC instants that day
// starts and ends at. Pure and client-safe.

export interface ActivityFilterForm {
  action?: string;
  actor?: string;
  resource?: string;
  /** First day included, YYYY-MM-DD. */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function quote(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetAt(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant day `yyyy-mm-dd` begins in `zone`, or null for a malformed day. */
export function startOfDay(day: string, zone: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(naive) || new Date(naive).toISOString().slice(0, 10) !== day) return null;
  // Two passes settle days on which the offset changes.
  let instant = naive - offsetAt(naive, zone);
  instant = naive - offsetAt(instant, zone);
  return new Date(instant);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The AIP-160 filter for the form; "" when nothing is set. Malformed days are left out. */
export function activityFilter(form: ActivityFilterForm, zone: string): string {
  const terms: string[] = [];
  const action = form.action?.trim();
  if (action) terms.push(`action = ${quote(action)}`);
  const actor = form.actor?.trim();
  if (actor) terms.push(`actor_email = ${quote(actor)}`);
  const resource = form.resource?.trim();
  if (resource) terms.push(`resource = ${quote(resource)}`);
  const from = form.from ? startOfDay(form.from, zone) : null;
  if (from) terms.push(`create_time >= ${quote(from.toISOString())}`);
  const to = form.to && DAY.test(form.to) ? startOfDay(nextDay(form.to), zone) : null;
  if (to) terms.push(`create_time < ${quote(to.toISOString())}`);
  return terms.join(" AND ");
}
