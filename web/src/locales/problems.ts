// The wording of the server's problem codes (errors[].code), under `problem.<code>`: the
// sentences of src/core/problem_catalog.cpp, which tests/core/problem_catalog_test.cpp
// holds this file to, so the server's CLI and documents and the browser say the same.
import problems from './problems.json'

export default problems
