// @vitest-environment node
// src/api/schema.d.ts is generated from api/openapi.yaml (`npm run api-types`) and checked
// in, so the app's types follow the contract: a change to the contract without
// regenerating fails here, in the same run as every other test.
import { describe, expect, it } from 'vitest'
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript'
import checkedIn from './schema.d.ts?raw'

describe('schema.d.ts', () => {
  it('is what openapi-typescript makes of api/openapi.yaml', async () => {
    // The same text the CLI writes: its header, then the types with the default options.
    const ast = await openapiTS(new URL('../../../api/openapi.yaml', import.meta.url), { silent: true })
    const generated = `${COMMENT_HEADER}${astToString(ast)}`
    // A diff of a 4000-line file says little; the message says what to do.
    expect(generated === checkedIn, 'src/api/schema.d.ts is out of date: run `npm run api-types` in web/').toBe(true)
  })
})
