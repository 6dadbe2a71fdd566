// The plan, its goal tree, the sections and the plan years, which most pages need: each is
// asked for once and shared while fresh, instead of every page asking again on arrival.
// What this app changes itself (saving the plan, locking a year) is dropped at once; what
// others change shows after MAX_AGE_MS, or at once after a reload, as before the cache.
import { api } from '../api/client'
import type { Section, YearLock } from '../api/types'
import type { PlanWithVersion } from '../lib/planDoc'
import type { GoalTree } from '../lib/evaluation'

export const MAX_AGE_MS = 30_000

interface Entry {
  promise: Promise<unknown>
  at: number
}

const cache = new Map<string, Entry>()

// `fresh` asks again even when a fresh answer is at hand (and shares the new one).
function cached<T>(path: string, fresh = false): Promise<T> {
  const entry = cache.get(path)
  if (!fresh && entry && Date.now() - entry.at < MAX_AGE_MS) return entry.promise as Promise<T>
  const promise = api.get<T>(path)
  cache.set(path, { promise, at: Date.now() })
  // A failure is not kept: the next page asks again.
  promise.catch(() => {
    if (cache.get(path)?.promise === promise) cache.delete(path)
  })
  return promise
}

// The plan page asks afresh: editing starts from the version stored now.
export const fetchPlan = (fresh = false) => cached<PlanWithVersion>('/api/plan', fresh)
export const fetchGoals = () => cached<GoalTree>('/api/plan/goals')
export const fetchSections = () => cached<Section[]>('/api/sections')
export const fetchYears = () => cached<YearLock[]>('/api/years')

// After the plan is saved or imported: its goals, sections and years may all have changed.
export function forgetPlan(): void {
  for (const path of ['/api/plan', '/api/plan/goals', '/api/sections', '/api/years']) cache.delete(path)
}

// After a year is locked or unlocked.
export function forgetYears(): void {
  cache.delete('/api/years')
}

// On signing in or out: another account may see a different answer.
export function forgetAll(): void {
  cache.clear()
}
