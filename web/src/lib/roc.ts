// ROC (民國) years and dates for people; ISO dates on the wire.
export const ROC_OFFSET = 1911

export function rocYear(gregorianYear: number): number {
  return gregorianYear - ROC_OFFSET
}

// "2015-03-15" → "104/03/15"; anything that is not an ISO date is returned as it is.
export function toRocDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  return `${rocYear(Number(match[1]))}/${match[2]}/${match[3]}`
}

// Full-width digits and separators (１０４／３／１５) as typed in Chinese input methods.
function foldFullWidth(text: string): string {
  return text.replace(/[\uFF0D-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

// "104/03/15", "104.3.15", "104-3-15", "1040315", "民國104年3月15日" or an ISO date
// ("2015-03-15", "20150315"), in ASCII or full-width digits → "2015-03-15"; null when it is
// not a real date. The server reads the same forms.
export function parseRocDate(text: string): string | null {
  const trimmed = foldFullWidth(text).trim()
  let year: number, month: number, day: number
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed)
  if (match) {
    ;[year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else if ((match = /^(\d{3})(\d{2})(\d{2})$/.exec(trimmed))) {
    ;[year, month, day] = [Number(match[1]) + ROC_OFFSET, Number(match[2]), Number(match[3])]
  } else {
    match = /^(?:民國)?\s*(\d{1,3})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(trimmed)
    if (!match) return null
    ;[year, month, day] = [Number(match[1]) + ROC_OFFSET, Number(match[2]), Number(match[3])]
  }
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// The agency's time zone, as the server's session says: moments are shown on its clock,
// not the browser's, so a page reads the same in any office.
export const DEFAULT_TIME_ZONE = 'Asia/Taipei'
let agencyTimeZone = DEFAULT_TIME_ZONE

export function setAgencyTimeZone(zone: string): void {
  agencyTimeZone = zone
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

// One formatter per zone: making one costs far more than using it, and lists (the audit
// log) show a time on every row.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    formatters.set(zone, formatter)
  }
  return formatter
}

// What the agency's clocks showed at `instant`.
function wallClock(instant: Date): WallClock {
  const parts = formatterFor(agencyTimeZone).formatToParts(instant)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') }
}

const pad = (n: number) => String(n).padStart(2, '0')

// "2026-11-27T08:30:00Z" → "115/11/27 16:30" on the agency's clock (Taipei by default).
export function toRocDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return ''
  const date = new Date(timestamp)
  if (Number.isNaN(date.getTime())) return timestamp
  const local = wallClock(date)
  return `${rocYear(local.year)}/${pad(local.month)}/${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)}`
}

// The agency's date at `instant` as an ISO date.
export function agencyDate(instant: Date): string {
  const local = wallClock(instant)
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`
}

// The UTC timestamp of midnight starting the ISO date `isoDate` (plus `addDays`) on the
// agency's clock: "2026-11-27" in Taipei → "2026-11-26T16:00:00Z".
export function agencyMidnightUtc(isoDate: string, addDays = 0): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  const asIfUtc = Date.UTC(year, month - 1, day + addDays)
  // The zone's offset at that moment, from what its clocks read then; measured again at
  // the corrected moment for a day on which the offset changes.
  const offsetAt = (instant: number) => {
    const local = wallClock(new Date(instant))
    return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - instant
  }
  let instant = asIfUtc - offsetAt(asIfUtc)
  instant = asIfUtc - offsetAt(instant)
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
