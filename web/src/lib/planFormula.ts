// An indicator's formula (docs/metric-language.md) read aloud: the formula is parsed and
// told in words with the registers', fields', metrics' and constants' names, e.g.
//   sum(records_trainings.participants) → 「文書及檔案管理研習」的「參加人數」合計
// and the registers it reads are listed (following named metrics). Formulas the parser
// does not understand are simply not explained; the server checked them already.
import type { PlanDocument } from './planDoc'

type Literal = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'yes' } | { kind: 'no' }

type Condition =
  | { kind: 'compare'; field: string; op: string; value: Literal }
  | { kind: 'in'; field: string; values: Literal[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'name'; id: string }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'previous'; operand: Expr }
  | { kind: 'aggregate'; fn: string; toDate: boolean; register: string; field: string | null; where: Condition | null }

const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'count_distinct', 'active']

interface Token {
  kind: 'number' | 'name' | 'text' | 'op' | 'end'
  text: string
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < formula.length) {
    const rest = formula.slice(at)
    let match: RegExpExecArray | null
    if ((match = /^(\s+|#[^\n]*)/.exec(rest))) {
      at += match[0].length
    } else if ((match = /^\d+(\.\d+)?/.exec(rest))) {
      tokens.push({ kind: 'number', text: match[0] })
      at += match[0].length
    } else if ((match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      tokens.push({ kind: 'name', text: match[0] })
      at += match[0].length
    } else if ((match = /^"((?:[^"\\\n]|\\["\\])*)"/.exec(rest))) {
      tokens.push({ kind: 'text', text: match[1].replace(/\\(["\\])/g, '$1') })
      at += match[0].length
    } else if ((match = /^(!=|<=|>=|[-+*/(),.=<>])/.exec(rest))) {
      tokens.push({ kind: 'op', text: match[0] })
      at += match[0].length
    } else {
      throw new Error(`unexpected character at ${at}`)
    }
  }
  tokens.push({ kind: 'end', text: '' })
  return tokens
}

// Parses a formula; throws on anything outside the grammar.
export function parseFormula(formula: string): Expr {
  const tokens = tokenize(formula)
  let position = 0
  const peek = () => tokens[position]
  const next = () => tokens[position++]
  const isOp = (text: string) => peek().kind === 'op' && peek().text === text
  const expect = (text: string) => {
    if (!isOp(text)) throw new Error(`expected ${text}`)
    next()
  }
  const name = () => {
    if (peek().kind !== 'name') throw new Error('expected a name')
    return next().text
  }

  function expr(): Expr {
    let left = term()
    while (isOp('+') || isOp('-')) {
      const op = next().text as '+' | '-'
      left = { kind: 'binary', op, left, right: term() }
    }
    return left
  }
  function term(): Expr {
    let left = unary()
    while (isOp('*') || isOp('/')) {
      const op = next().text as '*' | '/'
      left = { kind: 'binary', op, left, right: unary() }
    }
    return left
  }
  function unary(): Expr {
    if (isOp('-')) {
      next()
      return { kind: 'negate', operand: unary() }
    }
    return primary()
  }
  function primary(): Expr {
    const token = peek()
    if (token.kind === 'number') {
      next()
      return { kind: 'number', value: Number(token.text) }
    }
    if (isOp('(')) {
      next()
      const inner = expr()
      expect(')')
      return inner
    }
    if (token.kind === 'name') {
      next()
      if (token.text === 'previous') {
        expect('(')
        const operand = expr()
        expect(')')
        return { kind: 'previous', operand }
      }
      const toDate = token.text.endsWith('_to_date')
      const fn = toDate ? token.text.slice(0, -'_to_date'.length) : token.text
      if (AGGREGATES.includes(fn) && isOp('(')) {
        next()
        const register = name()
        let field: string | null = null
        if (isOp('.')) {
          next()
          field = name()
        }
        let where: Condition | null = null
        if (peek().kind === 'name' && peek().text === 'where') {
          next()
          where = condition()
        }
        expect(')')
        return { kind: 'aggregate', fn, toDate, register, field, where }
      }
      return { kind: 'name', id: token.text }
    }
    throw new Error(`unexpected ${token.text || 'end'}`)
  }
  function condition(): Condition {
    let left = andCondition()
    while (peek().kind === 'name' && peek().text === 'or') {
      next()
      left = { kind: 'or', left, right: andCondition() }
    }
    return left
  }
  function andCondition(): Condition {
    let left = notCondition()
    while (peek().kind === 'name' && peek().text === 'and') {
      next()
      left = { kind: 'and', left, right: notCondition() }
    }
    return left
  }
  function notCondition(): Condition {
    if (peek().kind === 'name' && peek().text === 'not') {
      next()
      return { kind: 'not', operand: notCondition() }
    }
    if (isOp('(')) {
      next()
      const inner = condition()
      expect(')')
      return inner
    }
    const field = name()
    if (peek().kind === 'name' && peek().text === 'in') {
      next()
      expect('(')
      const values = [literal()]
      while (isOp(',')) {
        next()
        values.push(literal())
      }
      expect(')')
      return { kind: 'in', field, values }
    }
    const op = next()
    if (op.kind !== 'op' || !['=', '!=', '<', '<=', '>', '>='].includes(op.text)) throw new Error('expected a comparison')
    return { kind: 'compare', field, op: op.text, value: literal() }
  }
  function literal(): Literal {
    const token = next()
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text) }
    if (token.kind === 'op' && token.text === '-' && peek().kind === 'number')
      return { kind: 'number', value: -Number(next().text) }
    if (token.kind === 'text') return { kind: 'text', value: token.text }
    if (token.kind === 'name' && (token.text === 'yes' || token.text === 'no')) return { kind: token.text }
    throw new Error('expected a value')
  }

  const result = expr()
  if (peek().kind !== 'end') throw new Error(`unexpected ${peek().text}`)
  return result
}

type Context = Pick<PlanDocument, 'registers' | 'metrics' | 'constants'>

// The registers a formula reads, in order of first use, following named metrics.
export function formulaRegisters(formula: string, plan: Context): string[] {
  const found: string[] = []
  const seenMetrics = new Set<string>()
  const visit = (expr: Expr): void => {
    switch (expr.kind) {
      case 'aggregate':
        if (!found.includes(expr.register)) found.push(expr.register)
        return
      case 'binary':
        visit(expr.left)
        visit(expr.right)
        return
      case 'negate':
      case 'previous':
        visit(expr.operand)
        return
      case 'name': {
        const metric = plan.metrics.find((m) => m.id === expr.id)
        if (!metric || seenMetrics.has(metric.id)) return
        seenMetrics.add(metric.id)
        try {
          visit(parseFormula(metric.formula))
        } catch {
          // A metric the parser does not follow adds no register.
        }
        return
      }
      default:
        return
    }
  }
  try {
    visit(parseFormula(formula))
  } catch {
    return []
  }
  return found
}

interface Words {
  agg: Record<string, string>
  count: string
  countFilled: string
  distinct: string
  active: string
  toDate: string
  where: string
  of: (register: string, field: string) => string
  ops: Record<string, string>
  cmp: Record<string, string>
  inList: (field: string, values: string) => string
  and: string
  or: string
  not: string
  yes: string
  no: string
  previous: (inner: string) => string
  quote: (name: string) => string
  listSeparator: string
}

const zh: Words = {
  agg: { sum: '合計', avg: '平均', min: '最小值', max: '最大值' },
  count: '筆數',
  countFilled: '有填寫的筆數',
  distinct: '不同值的個數',
  active: '年底在冊人數',
  toDate: '（累計至該年度年底）',
  where: '中',
  of: (register, field) => `${register}的${field}`,
  ops: { '+': '＋', '-': '－', '*': '×', '/': '÷' },
  cmp: { '=': '為', '!=': '不為', '<': '小於', '<=': '小於或等於', '>': '大於', '>=': '大於或等於' },
  inList: (field, values) => `${field}為${values}之一`,
  and: '且',
  or: '或',
  not: '非',
  yes: '「是」',
  no: '「否」',
  previous: (inner) => `前一年度的 ${inner}`,
  quote: (name) => `「${name}」`,
  listSeparator: '、',
}

const en: Words = {
  agg: { sum: 'total', avg: 'average', min: 'smallest', max: 'largest' },
  count: 'number of records',
  countFilled: 'number of records with',
  distinct: 'number of distinct',
  active: 'entries active at year end',
  toDate: ' (up to the end of the year)',
  where: 'where',
  of: (register, field) => `${field} in ${register}`,
  ops: { '+': '+', '-': '−', '*': '×', '/': '÷' },
  cmp: { '=': 'is', '!=': 'is not', '<': '<', '<=': '≤', '>': '>', '>=': '≥' },
  inList: (field, values) => `${field} is one of ${values}`,
  and: 'and',
  or: 'or',
  not: 'not',
  yes: 'yes',
  no: 'no',
  previous: (inner) => `the previous year's ${inner}`,
  quote: (name) => `"${name}"`,
  listSeparator: ', ',
}

const precedence = (expr: Expr): number =>
  expr.kind === 'binary' ? (expr.op === '+' || expr.op === '-' ? 1 : 2) : 3

// The formula in words, or null when it cannot be parsed.
export function describeFormula(formula: string, plan: Context, locale: 'zh-TW' | 'en'): string | null {
  let parsed: Expr
  try {
    parsed = parseFormula(formula)
  } catch {
    return null
  }
  const w = locale === 'en' ? en : zh
  const registerName = (id: string) => plan.registers.find((r) => r.id === id)?.name ?? id
  const fieldName = (register: string, field: string) =>
    plan.registers.find((r) => r.id === register)?.fields.find((f) => f.id === field)?.name ?? field

  const literal = (value: Literal): string => {
    switch (value.kind) {
      case 'number':
        return String(value.value)
      case 'text':
        return locale === 'en' ? `"${value.value}"` : `「${value.value}」`
      case 'yes':
        return w.yes
      case 'no':
        return w.no
    }
  }
  // An "or" inside an "and" keeps its parentheses: a and (b or c).
  const condition = (register: string, c: Condition, inAnd = false): string => {
    switch (c.kind) {
      case 'compare': {
        const field = w.quote(fieldName(register, c.field))
        return locale === 'en' ? `${field} ${w.cmp[c.op]} ${literal(c.value)}` : `${field}${w.cmp[c.op]}${literal(c.value)}`
      }
      case 'in':
        return w.inList(w.quote(fieldName(register, c.field)), c.values.map(literal).join(w.listSeparator))
      case 'and':
        return `${condition(register, c.left, true)} ${w.and} ${condition(register, c.right, true)}`
      case 'or': {
        const text = `${condition(register, c.left)} ${w.or} ${condition(register, c.right)}`
        return inAnd ? `(${text})` : text
      }
      case 'not':
        return `${w.not}(${condition(register, c.operand)})`
    }
  }
  const aggregate = (a: Extract<Expr, { kind: 'aggregate' }>): string => {
    let source = w.quote(registerName(a.register))
    if (a.where) {
      const cond = condition(a.register, a.where)
      source = locale === 'en' ? `${source} ${w.where} ${cond}` : `${source}${w.where}${cond}者`
    }
    const field = a.field ? w.quote(fieldName(a.register, a.field)) : ''
    let text: string
    if (a.fn === 'count' && !a.field) text = locale === 'en' ? `${w.count} in ${source}` : `${source}的${w.count}`
    else if (a.fn === 'count') text = locale === 'en' ? `${w.countFilled} ${field} in ${source}` : `${source}${field}${w.countFilled}`
    else if (a.fn === 'count_distinct')
      text = locale === 'en' ? `${w.distinct} ${field} in ${source}` : `${w.of(source, field)}${w.distinct}`
    else if (a.fn === 'active') text = locale === 'en' ? `${w.active} in ${source}` : `${source}的${w.active}`
    else text = locale === 'en' ? `${w.agg[a.fn]} of ${w.of(source, field)}` : `${w.of(source, field)}${w.agg[a.fn]}`
    return a.toDate ? text + w.toDate : text
  }
  const render = (expr: Expr): string => {
    switch (expr.kind) {
      case 'number':
        return String(expr.value)
      case 'name': {
        const metric = plan.metrics.find((m) => m.id === expr.id)
        if (metric) return w.quote(metric.name)
        const constant = plan.constants.find((c) => c.id === expr.id)
        if (constant) return `${w.quote(constant.description || constant.id)}(${constant.value})`
        return expr.id
      }
      case 'negate':
        return `${w.ops['-']}${precedence(expr.operand) < 3 ? `(${render(expr.operand)})` : render(expr.operand)}`
      case 'previous':
        return w.previous(render(expr.operand))
      case 'aggregate':
        return aggregate(expr)
      case 'binary': {
        const own = precedence(expr)
        const left = precedence(expr.left) < own ? `(${render(expr.left)})` : render(expr.left)
        const tight = expr.op === '-' || expr.op === '/' ? precedence(expr.right) <= own : precedence(expr.right) < own
        const right = tight ? `(${render(expr.right)})` : render(expr.right)
        return `${left} ${w.ops[expr.op]} ${right}`
      }
    }
  }
  return render(parsed)
}
