// One way for a page or component to load what it shows: `loading` while asking, the
// failure in `error` (and `notFound` when it was a 404, which for most pages means "no
// plan yet" rather than a fault), and only the newest answer kept: starting again, or leaving the
// page, aborts the request before it, so a slow old answer never replaces a newer one.
import { computed, getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, ref, shallowRef } from 'vue'
import type { ComputedRef, Ref, ShallowRef } from 'vue'
import { ApiError } from '../api/client'

export interface Load<T, A extends unknown[]> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: ShallowRef<unknown>
  notFound: ComputedRef<boolean>
  // Resolves to the answer, or undefined when it failed or a newer run replaced it.
  run: (...args: A) => Promise<T | undefined>
  abort: () => void
}

// The text of a failure for a message: the server's problem, or what went wrong locally.
export function errorMessage(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught)
}

export interface LoadOptions {
  // Load when the component is mounted; `loading` is true from the start, so the first
  // render already shows the placeholder rather than an empty page.
  immediate?: boolean
}

export function useLoad<T, A extends unknown[] = []>(
  fetcher: (signal: AbortSignal, ...args: A) => Promise<T>,
  options: LoadOptions = {},
): Load<T, A> {
  const data = shallowRef<T | null>(null)
  const loading = ref(options.immediate === true)
  const error = shallowRef<unknown>(null)
  const notFound = computed(() => error.value instanceof ApiError && error.value.status === 404)
  let current: AbortController | null = null

  function abort(): void {
    current?.abort()
    current = null
    loading.value = false
  }

  async function run(...args: A): Promise<T | undefined> {
    current?.abort()
    const controller = new AbortController()
    current = controller
    loading.value = true
    error.value = null
    try {
      const answer = await fetcher(controller.signal, ...args)
      if (controller !== current) return undefined
      data.value = answer
      return answer
    } catch (caught) {
      if (controller !== current) return undefined
      error.value = caught
      return undefined
    } finally {
      if (controller === current) loading.value = false
    }
  }

  if (getCurrentScope()) onScopeDispose(abort)
  if (options.immediate) {
    if (getCurrentInstance()) onMounted(() => run(...([] as unknown as A)))
    else run(...([] as unknown as A))
  }
  return { data, loading, error, notFound, run, abort }
}
