// Lints the web app: ESLint's, typescript-eslint's and eslint-plugin-vue's recommended
// rules, so mistakes the type checker lets through (unused code, Vue misuse) are caught.
// Layout is left to the code's own style: no formatting rules.
import js from '@eslint/js'
import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The helpers in src/test fake the server and mount with a router in memory: only tests
    // import them, so none of it reaches the app's bundle.
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/**/*.test.ts', 'src/test/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)test/', message: 'The test helpers are for *.test.ts files only.' }] }],
    },
  },
  {
    // The end-to-end suite and the config files run in Node.
    files: ['e2e/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // Formatting belongs to the code's style, not to the linter; these recommended
      // rules only concern layout.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      // An unused argument named with a leading underscore is kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
)
