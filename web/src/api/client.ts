// Talking to the JSON API: JSON in and out, the CSRF token on every change, and every
// refusal turned into an ApiError that carries the server's message and the fields it
// names, so forms can show each message at its field and keep what the user typed.
import type { ProblemEntry } from './types'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: ProblemEntry[] = [],
  ) {
    super(detail || title)
  }

  // The message of the first error at `path`, for a form field.
  at(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message
  }
}

let csrfToken = ''
let onUnauthorized: () => void = () => {}

export function setCsrfToken(token: string): void {
  csrfToken = token
}

// Called when the session is gone (401), so the app can send the user to the login page.
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: ProblemEntry[] } = {}
  try {
    body = await response.json()
  } catch {
    // Not a problem document (a proxy's page, a dropped connection): the status says it.
  }
  return new ApiError(response.status, body.title ?? response.statusText, body.detail ?? '', body.errors ?? [])
}

export interface RequestOptions {
  body?: unknown // JSON-encoded unless it is a string or a Blob
  contentType?: string
  signal?: AbortSignal // a load nobody waits for any more is cancelled
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || options.body instanceof Blob) {
      body = options.body
      headers['Content-Type'] = options.contentType ?? 'application/octet-stream'
    } else {
      body = JSON.stringify(options.body)
      headers['Content-Type'] = 'application/json'
    }
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal })
  if (!response.ok) {
    const error = await problemOf(response)
    if (response.status === 401 && path !== '/api/session') onUnauthorized()
    throw error
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

// A file the server sends as an attachment: its bytes and the name the server gave it.
export interface DownloadedFile {
  blob: Blob
  fileName: string
}

// The file's name from Content-Disposition: the UTF-8 `filename*` (Chinese names) when
// there is one, else the plain `filename`, else the last part of the path.
export function fileNameOf(disposition: string | null, path: string): string {
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '')
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim())
    } catch {
      // A malformed escape: the plain name below is still there.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition ?? '')
  const name = plain?.[1] ?? plain?.[2]?.trim()
  return name || decodeURIComponent(path.split('?')[0].split('/').pop() ?? '') || 'download'
}

// GETs a file with the session, like `request`, so a refusal is an ApiError with the
// server's message rather than a saved error page.
export async function download(path: string): Promise<DownloadedFile> {
  const response = await fetch(path, { method: 'GET', credentials: 'same-origin' })
  if (!response.ok) {
    const error = await problemOf(response)
    if (response.status === 401) onUnauthorized()
    throw error
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition'), path) }
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown, contentType?: string) =>
    request<T>('POST', path, { body, contentType }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
}

// "/api/registers/x/records?year=105&filter=a:eq:b" from parts; empty values are left out.
export function withQuery(path: string, query: Record<string, string | number | string[] | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue
    if (Array.isArray(value)) value.forEach((item) => search.append(key, item))
    else search.append(key, String(value))
  }
  const text = search.toString()
  return text ? `${path}?${text}` : path
}

// A request whose body is a file, sent with XMLHttpRequest because fetch cannot report
// how much of the body has gone out; `onProgress` gets the bytes sent and the total.
// Refusals become ApiErrors exactly as with `request`.
export function upload<T>(
  method: string,
  path: string,
  body: Blob | string,
  contentType: string,
  onProgress: (sent: number, total: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, path)
    xhr.withCredentials = true
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.setRequestHeader('X-CSRF-Token', csrfToken)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total)
    }
    xhr.onerror = () => reject(new ApiError(0, 'Network error', '', []))
    xhr.onload = () => {
      let parsed: unknown = undefined
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined
      } catch {
        parsed = xhr.responseText
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T)
        return
      }
      const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as {
        title?: string
        detail?: string
        errors?: ProblemEntry[]
      }
      if (xhr.status === 401) onUnauthorized()
      reject(new ApiError(xhr.status, problem.title ?? xhr.statusText, problem.detail ?? '', problem.errors ?? []))
    }
    xhr.send(body)
  })
}
