// Saving a file the server writes (CSV exports, the import template) after fetching it
// with the session, instead of following a plain link: a refusal then stays on the page
// as the server's message, where a link would save or show the error document.
import { download } from '../api/client'

// Hands the bytes to the browser as a download named `fileName`.
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the object URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

// Fetches `path` and saves it under the server's file name, which it returns; throws the
// server's ApiError when the file is refused.
export async function downloadFile(path: string): Promise<string> {
  const file = await download(path)
  saveFile(file.blob, file.fileName)
  return file.fileName
}
