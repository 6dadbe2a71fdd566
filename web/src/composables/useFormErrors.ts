// A dialog form's refusals by the server: the message for each field at that field (by
// the path the server names, which is the field's name), and whatever no field shows as
// one line for above the buttons. What the user typed stays in the form.
import { reactive, ref } from 'vue'
import { ApiError } from '../api/client'

export function useFormErrors<F extends string>(fields: readonly F[]) {
  const errors = reactive(Object.fromEntries(fields.map((field) => [field, '']))) as Record<F, string>
  const failure = ref('')
  const isField = (path: string) => (fields as readonly string[]).includes(path)

  function clear(): void {
    for (const field of fields) errors[field] = ''
    failure.value = ''
  }

  // A failure that is not the server's refusal (a fault in the page) is not the form's to
  // show: it is thrown on.
  function take(caught: unknown): void {
    if (!(caught instanceof ApiError)) throw caught
    for (const field of fields) errors[field] = caught.at(field) ?? ''
    const placed = caught.errors.some((error) => isField(error.path))
    const others = caught.errors.filter((error) => !isField(error.path))
    if (placed && !others.length) failure.value = ''
    else failure.value = others.length ? `${caught.message}: ${others.map((e) => `${e.path} ${e.message}`).join('; ')}` : caught.message
  }

  return { errors, failure, clear, take }
}
