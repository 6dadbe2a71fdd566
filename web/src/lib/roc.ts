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

// "104/03/15", "104.3.15", "104-3-15", "民國104年3月15日" or an ISO date → "2015-03-15";
// null when it is not a real date.
export function parseRocDate(text: string): string | null {
  const trimmed = text.trim()
  let year: number, month: number, day: number
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed)
  if (match) {
    ;[year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else {
    match = /^(?:民國)?\s*(\d{1,3})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(trimmed)
    if (!match) return null
    ;[year, month, day] = [Number(match[1]) + ROC_OFFSET, Number(match[2]), Number(match[3])]
  }
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// "2026-11-27T08:30:00Z" → "115/11/27 16:30" in Taiwan time.
export function toRocDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return ''
  const date = new Date(timestamp)
  if (Number.isNaN(date.getTime())) return timestamp
  const taipei = new Date(date.getTime() + 8 * 3600 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${rocYear(taipei.getUTCFullYear())}/${pad(taipei.getUTCMonth() + 1)}/${pad(taipei.getUTCDate())} ${pad(taipei.getUTCHours())}:${pad(taipei.getUTCMinutes())}`
}
