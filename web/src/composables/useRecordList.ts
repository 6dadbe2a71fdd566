// A register's records as the server filters, sorts and pages them: the year (kept in the
// address; '' for every year), the filters typed and those applied, the sort, the page and
// its size. Only the answer to the latest request is shown, however the answers arrive.
import { computed, reactive, ref, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { Field, Register, StoredRecord } from '../api/types'
import { buildFilters, emptyFilters, nextSort, type FilterState, type Message } from '../lib/records'
import { recordsApi, type RecordQuery } from '../lib/recordsApi'
import { useLoad } from './useLoad'

export function useRecordList(register: Ref<Register | null>) {
  const route = useRoute()
  const router = useRouter()

  const records = ref<StoredRecord[]>([])
  const total = ref(0)
  const loadedOnce = ref(false)

  const year = ref<number | ''>('')
  const sort = ref('')
  const page = ref(1)
  const pageSize = ref(50)
  const filterState = ref<FilterState>({})
  const appliedFilters = ref<string[]>([])
  const filterErrors = reactive<Record<string, Message>>({})

  const narrowed = computed(() => appliedFilters.value.length > 0 || year.value !== '')
  // Fields the applied filters narrow (a range counts once).
  const activeCount = computed(() => new Set(appliedFilters.value.map((filter) => filter.split(':')[0])).size)
  const query = computed<RecordQuery>(() => ({
    year: year.value === '' ? undefined : year.value,
    sort: sort.value || undefined,
    filters: appliedFilters.value,
  }))

  function yearFromRoute(): number | '' {
    const value = Number(route.query.year)
    return Number.isInteger(value) && value > 0 ? value : ''
  }

  const recordsLoad = useLoad((_signal, registerId: string) =>
    recordsApi.list(registerId, { ...query.value, offset: (page.value - 1) * pageSize.value, limit: pageSize.value }),
  )

  async function loadRecords(): Promise<void> {
    if (!register.value) return
    const answer = await recordsLoad.run(register.value.id)
    if (!answer) return
    // A page past the end (after deleting its last record): go back to the last page.
    if (answer.records.length === 0 && answer.total > 0 && page.value > 1) {
      page.value = Math.max(1, Math.ceil(answer.total / pageSize.value))
      return loadRecords()
    }
    records.value = answer.records
    total.value = answer.total
    loadedOnce.value = true
  }

  // Another register: no filter, sort or page of the one before; the year from the address.
  function startOver(fields: Field[]): Promise<void> {
    filterState.value = emptyFilters(fields)
    appliedFilters.value = []
    sort.value = ''
    page.value = 1
    year.value = yearFromRoute()
    return loadRecords()
  }

  function changeYear(): void {
    page.value = 1
    router.replace({ query: { ...route.query, year: year.value === '' ? undefined : String(year.value) } })
    loadRecords()
  }

  function applyFilters(): void {
    if (!register.value) return
    for (const key of Object.keys(filterErrors)) delete filterErrors[key]
    const built = buildFilters(register.value.fields, filterState.value)
    Object.assign(filterErrors, built.errors)
    const wrong = register.value.fields.find((field) => built.errors[field.id])
    if (wrong) {
      document.getElementById(`filter-${wrong.id}-from`)?.focus()
      return
    }
    appliedFilters.value = built.filters
    page.value = 1
    loadRecords()
  }

  function clearFilters(): void {
    if (!register.value) return
    filterState.value = emptyFilters(register.value.fields)
    for (const key of Object.keys(filterErrors)) delete filterErrors[key]
    appliedFilters.value = []
    year.value = ''
    changeYear()
  }

  function sortBy(fieldId: string): void {
    sort.value = nextSort(sort.value, fieldId)
    page.value = 1
    loadRecords()
  }

  function changePage(): void {
    loadRecords()
  }

  function changePageSize(): void {
    page.value = 1
    loadRecords()
  }

  return {
    records,
    total,
    loadedOnce,
    year,
    sort,
    page,
    pageSize,
    filterState,
    filterErrors,
    narrowed,
    activeCount,
    query,
    loading: recordsLoad.loading,
    error: recordsLoad.error,
    loadRecords,
    startOver,
    changeYear,
    applyFilters,
    clearFilters,
    sortBy,
    changePage,
    changePageSize,
  }
}
