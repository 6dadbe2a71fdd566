// Editing the plan in place, for planners: a draft of its goals, indicators and targets;
// the draft's numbers checked before anything is sent; saving the whole plan, with the
// server's problems kept for their cells and the page's summary; and unsaved edits
// guarded against leaving the page. The page shows where each outcome is: `reveal`
// brings the problem summary or the notices into view.
import { computed, nextTick, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBeforeRouteLeave } from 'vue-router'
import { ApiError, api } from '../api/client'
import type { ProblemEntry } from '../api/types'
import { forgetPlan } from './usePlanData'
import { planYears, type PlanWithVersion } from '../lib/planDoc'
import { applyDraft, draftChanged, draftOf, draftProblems, draftWeightSums, type PlanDraft } from '../lib/planDraft'
import { goalPath, indicatorPath, placeErrors, targetPath } from '../lib/planPaths'
import { problemMessage } from '../lib/review'

export type PlanOutcome = 'problems' | 'notice'

export function usePlanEditor(
  planData: Ref<PlanWithVersion | null>,
  reload: () => Promise<unknown>,
  reveal: (outcome: PlanOutcome) => Promise<void>,
) {
  const { t } = useI18n()

  const editing = ref(false)
  const draft = ref<PlanDraft | null>(null)
  const problems = ref<ProblemEntry[]>([])
  const conflict = ref(false)
  const conflictVersion = ref(0)
  const saveError = ref('')
  const saved = ref('')
  const saving = ref(false)

  const plan = computed(() => planData.value?.plan ?? null)

  // Every path the indicator tables have an input for; a problem elsewhere is placed at
  // the nearest enclosing one.
  const cells = computed(() => {
    const set = new Set<string>()
    const years = plan.value ? planYears(plan.value) : []
    plan.value?.dimensions.forEach((dimension, d) =>
      dimension.goals.forEach((goal, g) => {
        set.add(goalPath(d, g, 'name'))
        set.add(goalPath(d, g, 'weight'))
        goal.indicators.forEach((_, i) => {
          for (const field of ['name', 'weight', 'method', 'standard', 'unit']) set.add(indicatorPath(d, g, i, field))
          for (const year of years) set.add(targetPath(d, g, i, year))
        })
      }),
    )
    return set
  })
  const cellErrors = computed(() => placeErrors(problems.value, cells.value))
  const sums = computed(() => (draft.value ? draftWeightSums(draft.value) : null))
  const dirty = computed(() => !!plan.value && !!draft.value && draftChanged(plan.value, draft.value))

  async function toggleEdit(): Promise<void> {
    if (editing.value) {
      if (dirty.value && !window.confirm(t('plan.discard'))) return
      stopEditing()
      return
    }
    if (!plan.value) return
    draft.value = draftOf(plan.value)
    problems.value = []
    conflict.value = false
    saveError.value = saved.value = ''
    editing.value = true
    await nextTick()
    document.getElementById('pl-indicators-anchor')?.scrollIntoView({ block: 'start' })
  }

  function stopEditing(): void {
    editing.value = false
    draft.value = null
    problems.value = []
    conflict.value = false
    saveError.value = ''
  }

  async function save(): Promise<void> {
    if (!plan.value || !planData.value || !draft.value) return
    saveError.value = saved.value = ''
    conflict.value = false
    const local = draftProblems(draft.value).map((problem) => ({
      path: problem.path,
      message: t(problem.message === 'number' ? 'plan.notNumber' : 'plan.required'),
    }))
    problems.value = local
    if (local.length) {
      await reveal('problems')
      return
    }
    saving.value = true
    try {
      const edited = applyDraft(plan.value, draft.value)
      const result = await api.put<{ id: string; version: number }>('/api/plan', {
        version: planData.value.version,
        plan: edited,
      })
      stopEditing()
      forgetPlan()
      await reload()
      saved.value = t('plan.saved', { version: result.version })
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        conflict.value = true
        conflictVersion.value = planData.value.version
        await reveal('notice')
      } else if (error instanceof ApiError && error.errors.length) {
        problems.value = error.errors
        await reveal('problems')
      } else {
        saveError.value = problemMessage(error, t, 'plan.problem')
        await reveal('notice')
      }
    } finally {
      saving.value = false
    }
  }

  async function reloadLatest(): Promise<void> {
    stopEditing()
    await reload()
  }

  // Unsaved edits are not lost by a slip of the mouse.
  onBeforeRouteLeave(() => !(editing.value && dirty.value) || window.confirm(t('plan.leave')))
  function beforeUnload(event: BeforeUnloadEvent): void {
    if (editing.value && dirty.value) event.preventDefault()
  }
  onMounted(() => window.addEventListener('beforeunload', beforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', beforeUnload))

  return {
    editing,
    draft,
    problems,
    conflict,
    conflictVersion,
    saveError,
    saved,
    saving,
    cells,
    cellErrors,
    sums,
    toggleEdit,
    save,
    reloadLatest,
  }
}
