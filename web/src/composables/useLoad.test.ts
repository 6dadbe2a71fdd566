// useLoad keeps only the newest answer, tells a 404 apart, and aborts what nobody waits for.
import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { ApiError } from '../api/client'
import { errorMessage, useLoad } from './useLoad'

// A promise settled from outside, to order answers as a test needs.
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

describe('useLoad', () => {
  it('is loading while asking and keeps the answer', async () => {
    const answer = deferred<number>()
    const load = useLoad(() => answer.promise)
    expect(load.loading.value).toBe(false)
    const running = load.run()
    expect(load.loading.value).toBe(true)
    answer.resolve(7)
    expect(await running).toBe(7)
    expect(load.data.value).toBe(7)
    expect(load.loading.value).toBe(false)
    expect(load.error.value).toBeNull()
  })

  it('keeps the failure, and tells a 404 apart', async () => {
    const failures = [new ApiError(500, 'Internal', 'broken'), new ApiError(404, 'Not Found', '')]
    const load = useLoad(async () => {
      throw failures.shift()
    })
    expect(await load.run()).toBeUndefined()
    expect(errorMessage(load.error.value)).toBe('broken')
    expect(load.notFound.value).toBe(false)
    await load.run()
    expect(load.notFound.value).toBe(true)
    expect(load.loading.value).toBe(false)
  })

  it('shows only the newest answer, aborting the one before', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    const signals: AbortSignal[] = []
    const load = useLoad((signal, index: number) => {
      signals.push(signal)
      return answers[index].promise
    })
    const first = load.run(0)
    const second = load.run(1)
    expect(signals[0].aborted).toBe(true)
    answers[1].resolve('new')
    expect(await second).toBe('new')
    answers[0].resolve('old')
    expect(await first).toBeUndefined()
    expect(load.data.value).toBe('new')
    expect(load.loading.value).toBe(false)
  })

  it('ignores an old failure after a newer success', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    const load = useLoad((_signal, index: number) => answers[index].promise)
    const first = load.run(0)
    const second = load.run(1)
    answers[1].resolve('new')
    await second
    answers[0].reject(new Error('late'))
    await first
    expect(load.error.value).toBeNull()
    expect(load.data.value).toBe('new')
  })

  it('aborts when its owner goes away', () => {
    const scope = effectScope()
    let signal: AbortSignal | undefined
    const load = scope.run(() =>
      useLoad((given) => {
        signal = given
        return new Promise<never>(() => {})
      }),
    )!
    load.run()
    scope.stop()
    expect(signal?.aborted).toBe(true)
    expect(load.loading.value).toBe(false)
  })

  it('starts loading at once when asked to, outside a component too', async () => {
    const load = useLoad(async () => 'now', { immediate: true })
    expect(load.loading.value).toBe(true)
    await Promise.resolve()
    await Promise.resolve()
    expect(load.data.value).toBe('now')
  })
})
