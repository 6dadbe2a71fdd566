// The shapes the JSON API answers with (api/openapi.yaml is the contract); the statistics'
// are in statisticsTypes.ts.

export type Role = 'admin' | 'planner' | 'section_editor' | 'section_reviewer' | 'viewer'

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  section_id: string | null
  active: boolean
  version: number
  created_at: string
  password_changed_at: string
  // The password was set by someone else; the server refuses everything else until the
  // user chooses their own.
  must_change_password: boolean
}

export interface Permissions {
  edit_plan: boolean
  manage_users: boolean
  read_audit: boolean
  lock_year: boolean
  unlock_year: boolean
  comment: boolean
  write_registers: string[]
  report_indicators: string[]
}

// The files the server accepts as evidence, checked before one is sent.
export interface EvidenceRules {
  extensions: string[]
  max_bytes: number
}

export interface Session {
  user: User
  csrf_token: string
  permissions: Permissions
  evidence: EvidenceRules
  time_zone: string // the agency's IANA time zone: timestamps are shown on its clock
}

export interface ProblemEntry {
  path: string
  message: string
  // What is wrong as a stable name, worded by locales/problems.json with `params`;
  // "invalid" when the server has only the English message.
  code?: string
  params?: Record<string, string>
}

export interface Indicator {
  id: string
  number: number
  name: string
  weight: number
  framework: number
  method: string
  standard: string
  unit: string
  decimals: number
  owner_section: string
  kind: 'higher_is_better' | 'lower_is_better' | 'yes_no' | 'milestone'
  targets: Record<string, number>
  formula: string
  registers: string[]
  // The formula read aloud by the server, in each language; null without a formula.
  formula_words?: { 'zh-TW': string; en: string } | null
  goal?: string
  dimension?: string
}

export interface Goal {
  id: string
  number: number
  name: string
  weight: number
  owner_section: string
  indicators: Indicator[]
}

export interface Dimension {
  id: string
  name: string
  goals: Goal[]
}

export interface Section {
  id: string
  name: string
  duties: string
}

export interface IndicatorResult {
  id: string
  goal: string
  dimension: string
  name: string
  weight: number
  kind: string
  unit: string
  target: number | null
  actual: number | null
  source: 'formula' | 'manual' | 'none'
  note: string
  // A milestone's stage reached: the name of the stage whose percentage `actual` is.
  stage: string | null
  // A milestone value (from its formula, or entered before the stages changed) that is no
  // stage's percentage, counted as no value; `note` then says so in English.
  not_a_stage: number | null
  achievement: number | null
  capped_achievement: number | null
  light: string
  score: number
}

export interface RollUp {
  id: string
  name: string
  weight: number
  score: number
}

export interface YearEvaluation {
  year: number
  total_score: number
  // false: too little of the weight has values for the total to count (exclude policy)
  complete: boolean
  valued_weight: number
  total_weight: number
  scoring_note: { 'zh-TW': string; en: string } // 計分說明: what the policy did this year
  no_value_count: number
  indicators: IndicatorResult[]
  goals: RollUp[]
  dimensions: RollUp[]
}

export interface IndicatorHistory {
  indicator: Indicator
  years: {
    year: number
    target: number | null
    actual: number | null
    note: string
    // As in IndicatorResult.
    stage: string | null
    not_a_stage: number | null
    achievement: number | null
    light: string
    score: number
    review_state: ReviewState
  }[]
}

// stage: a milestone indicator's stage, picked by name from `choices`.
export type FieldType = 'text' | 'integer' | 'decimal' | 'date' | 'yes_no' | 'choice' | 'section' | 'stage'

export interface Field {
  id: string
  name: string
  type: FieldType
  required: boolean
  choices: string[]
  description: string
  // Present only when set: the plan's text for it, which the server stores when a record
  // leaves the field empty (on create, import and update alike).
  default?: string
}

export interface Register {
  id: string
  name: string
  description: string
  owner_section: string
  // 'interval': a record counts in every year its period overlaps; 'period': only in a year
  // (or range) that holds its whole period (time_field to end_field; an empty end is one day).
  time_basis: 'date' | 'year' | 'interval' | 'period'
  time_field: string
  end_field: string
  fields: Field[]
  record_count: number
}

export type FieldValue = string | number | null

export interface StoredRecord {
  id: number
  version: number
  values: Record<string, FieldValue>
}

export interface RecordPage {
  total: number
  offset: number
  limit: number
  records: StoredRecord[]
}

export type ReviewState = 'draft' | 'submitted' | 'first_reviewed' | 'second_reviewed' | 'returned'
// withdraw: the section takes back a submission nobody has reviewed yet (back to draft).
export type ReviewAction = 'submit' | 'first_review' | 'second_review' | 'return' | 'withdraw'
// The steps POST /api/reviews/{year}/actions takes on many indicators at once.
export type BulkReviewAction = 'submit' | 'first_review' | 'second_review'

export interface Review {
  indicator_id: string
  // What the signed-in user may do now, as the server decides it.
  available_actions: ReviewAction[]
  year: number
  state: ReviewState
  explanation: string
  version: number
  updated_at: string | null
  updated_by: number | null
}

// A review waiting for the signed-in user's step (GET /api/reviews/pending).
export interface PendingReview {
  action: ReviewAction
  review: Review
}

export interface PendingReviews {
  pending: PendingReview[]
}

export interface Comment {
  id: number
  indicator_id: string
  year: number
  user_id: number
  username: string // as it was when the comment was written
  display_name: string // the author's name as it is now
  body: string
  created_at: string
}

export interface Evidence {
  id: number
  indicator_id: string
  year: number
  file_name: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: number
  uploaded_by_name: string
  uploaded_at: string
}

export interface IndicatorReview {
  review: Review
  locked: boolean
  comments: Comment[]
  evidence: Evidence[]
}

export interface YearReviews {
  year: number
  locked: boolean
  reviews: Review[]
}

// POST /api/reviews/{year}/actions: one step on many indicators. Without `section` every
// section's, without `indicators` every indicator that can take it; the ones the signed-in
// user may not take it on are skipped silently.
export interface BulkReviewRequest {
  action: BulkReviewAction
  section?: string
  indicators?: string[]
  comment?: string
}

// An indicator the step was refused on (a missed target without explanation, separation
// of duties…), named by its id: `path`, as in every problem list (`field` is read too).
// The others still went ahead.
export interface BulkReviewRefusal {
  path?: string
  field?: string
  code?: string
  message: string
  params?: Record<string, string>
}

export interface BulkReviewResult {
  action: BulkReviewAction
  year: number
  taken: string[] // indicator ids whose step was taken
  refused: BulkReviewRefusal[]
}

export interface YearLock {
  year: number
  locked: boolean
  locked_at: string | null
  locked_by: number | null
}

export interface ManualValue {
  indicator_id: string
  year: number
  value: number
  note: string
  version: number
}

export interface AuditEntry {
  id: number
  at: string
  user_id: number
  username: string
  display_name: string | null // null for the system and for accounts that are gone
  action: string
  object_type: string
  object_id: string
  object_name: string | null // what people call the object; null where only the id is known
  before: unknown
  after: unknown
  reason: string
}

export interface ImportResult {
  imported: number
  replaced?: number // records of the replaced year removed
  dry_run?: boolean
}
