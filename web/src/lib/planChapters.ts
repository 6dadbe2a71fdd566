// The plan's narrative chapters as the plan page shows them. Reading, it shows them from
// GET /api/plan/chapters, where every {{metric YEAR}} / {{metric 100-103 | 萬}} reference
// has become the metric's current figure; editing, or when that answer is missing or does
// not match the plan, it shows the raw text from GET /api/plan (which the editor saves).
import { api } from '../api/client'
import type { PlanChapter } from './planDoc'

// The rendered chapters, or null when they cannot be had (the page then shows the raw text).
export async function fetchRenderedChapters(): Promise<PlanChapter[] | null> {
  try {
    const answer = await api.get<{ chapters?: unknown }>('/api/plan/chapters')
    return Array.isArray(answer?.chapters) ? (answer.chapters as PlanChapter[]) : null
  } catch {
    return null
  }
}

// Whether two chapter trees have the same shape: as many chapters, the same generated
// parts, the same children. Only the text may differ.
export function sameOutline(a: PlanChapter[], b: PlanChapter[]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  return a.every(
    (chapter, index) =>
      !!b[index] &&
      (chapter.generated || '') === (b[index].generated || '') &&
      sameOutline(chapter.children ?? [], b[index].children ?? []),
  )
}

// What the page shows: the rendered chapters when reading and they fit the plan, else the raw.
export function chaptersToRead(raw: PlanChapter[], rendered: PlanChapter[] | null, editing: boolean): PlanChapter[] {
  if (editing || !rendered || !sameOutline(raw, rendered)) return raw
  return rendered.map(normalised)
}

function normalised(chapter: PlanChapter): PlanChapter {
  return {
    heading: chapter.heading ?? '',
    generated: chapter.generated ?? '',
    text: chapter.text ?? '',
    children: (chapter.children ?? []).map(normalised),
  }
}

// The generated parts the chapters place (goals, indicator_table, action_items, budget_table).
export function generatedKinds(chapters: PlanChapter[]): Set<string> {
  const kinds = new Set<string>()
  const walk = (list: PlanChapter[]) =>
    list.forEach((chapter) => {
      if (chapter.generated) kinds.add(chapter.generated)
      walk(chapter.children ?? [])
    })
  walk(chapters)
  return kinds
}

export interface ContentsItem {
  anchor: string
  label: string
}

// The plan's table of contents: a link per chapter (ch-0, ch-1 …), then the indicator and
// budget tables when no chapter places them, then the sections.
export function planContents(
  chapters: PlanChapter[],
  kinds: Set<string>,
  labels: { indicators: string; budget: string; sections: string },
): ContentsItem[] {
  const items = chapters.map((chapter, index) => ({ anchor: `ch-${index}`, label: chapter.heading }))
  if (!kinds.has('indicator_table')) items.push({ anchor: 'pl-indicators', label: labels.indicators })
  if (!kinds.has('budget_table')) items.push({ anchor: 'pl-budget', label: labels.budget })
  items.push({ anchor: 'pl-sections', label: labels.sections })
  return items
}

export interface TextPart {
  text: string
  reference: boolean
}

// Raw text cut at its {{…}} references, so the editor's view can mark them.
export function splitReferences(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(/\{\{[^{}]*\}\}/g)) {
    const start = match.index ?? 0
    if (start > last) parts.push({ text: text.slice(last, start), reference: false })
    parts.push({ text: match[0], reference: true })
    last = start + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), reference: false })
  return parts
}
