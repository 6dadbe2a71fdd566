// Which plan years a page can show and which one it shows. `rows` are the page's years
// (a year's evaluation, an indicator's year…); once they are loaded, pickYear() starts on
// the year in the address (?year=105) when it is one of them, else the latest year with
// any value, else the first. The year shown is kept in the address, so a link or a reload
// shows the same year, and a changed address (back, a link) changes the year shown.
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { chooseYear, yearFromQuery } from '../lib/evaluation'

export function useEvaluationYears<T extends { year: number }>(rows: () => T[], hasData: (row: T) => boolean) {
  const route = useRoute()
  const router = useRouter()
  const years = computed(() => rows().map((row) => row.year))
  const year = ref<number | null>(null)

  function pickYear(): void {
    year.value = chooseYear(rows(), hasData, route.query.year)
  }

  watch(year, (value) => {
    if (value !== null && String(value) !== route.query.year) router.replace({ query: { ...route.query, year: String(value) } })
  })
  watch(
    () => route.query.year,
    (value) => {
      const wanted = yearFromQuery(value, years.value)
      if (wanted !== null && wanted !== year.value) year.value = wanted
    },
  )

  return { years, year, pickYear }
}
