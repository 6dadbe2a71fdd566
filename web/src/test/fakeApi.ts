// A fake server for component and page tests: `fetch` answers from the test's own
// function the way the real server answers — JSON, a problem document from 400 on, no
// body for 204, or a file when the body is a Response (see fileResponse) — and every
// request is recorded with the JSON it sent.
// vi.unstubAllGlobals() (in the test's afterEach) puts the real fetch back.
import { vi } from 'vitest'

export interface FakeRequest {
  method: string
  path: string
  body: unknown // the JSON sent, read back; undefined when nothing was sent
}

export type FakeAnswer = [status: number, body: unknown]

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

// A file download as the server sends it: the bytes and the name in Content-Disposition.
export function fileResponse(text: string, fileName: string, type = 'text/csv; charset=utf-8'): Response {
  return new Response(text, {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  })
}

// Replaces fetch with `answer`; gives the list the requests are recorded in, oldest first.
export function fakeFetch(answer: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>): FakeRequest[] {
  const requests: FakeRequest[] = []
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const request = { method: init.method ?? 'GET', path, body: init.body ? JSON.parse(String(init.body)) : undefined }
    requests.push(request)
    const [status, body] = await answer(request)
    return body instanceof Response ? body : jsonResponse(status, body)
  })
  return requests
}

// A file the page saved: the name it gave the link and the bytes behind the object URL.
export interface SavedFile {
  fileName: string
  blob: Blob | undefined
}

// jsdom has no URL.createObjectURL and cannot follow a download link: both are stood in
// for, and each file the page saves is recorded instead. releaseDownloads() (in the
// test's afterEach) takes the stand-ins away again.
export function captureDownloads(): SavedFile[] {
  const saved: SavedFile[] = []
  const blobs = new Map<string, Blob>()
  const stand = (name: string, value: unknown) => Object.defineProperty(URL, name, { value, configurable: true, writable: true })
  stand('createObjectURL', (blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`
    blobs.set(url, blob)
    return url
  })
  stand('revokeObjectURL', (url: string) => blobs.delete(url))
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ fileName: this.download, blob: blobs.get(this.href) })
  })
  return saved
}

export function releaseDownloads(): void {
  vi.restoreAllMocks()
  delete (URL as { createObjectURL?: unknown }).createObjectURL
  delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL
}
