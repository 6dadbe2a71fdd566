// The shapes the JSON API answers with. api/openapi.yaml is the contract and schema.d.ts
// is generated from it (`npm run api-types`), so each type here is the schema's own; the
// statistics' are in statisticsTypes.ts. A few are narrower or wider than the schema where
// the app relies on it; each of those is checked against the schema at the end of this
// file, so a change to the contract that breaks one fails `vue-tsc`.
import type { components } from './schema'

type Schemas = components['schemas']

export type Role = Schemas['Role']

// must_change_password: the password was set by someone else; the server refuses
// everything else until the user chooses their own.
export type User = Schemas['User']

export type Permissions = Schemas['Permissions']

// The files the server accepts as evidence, checked before one is sent.
export type EvidenceRules = Schemas['Session']['evidence']

// time_zone: the agency's IANA time zone: timestamps are shown on its clock.
export type Session = Schemas['Session']

// One problem in a problem document's `errors`. Wider than the schema's ProblemItem: the
// app reads lists from any answer, and a code it has no words for (or none at all) falls
// back to the English message.
export interface ProblemEntry {
  path: string
  message: string
  // What is wrong as a stable name, worded by locales/problems.json with `params`;
  // "invalid" when the server has only the English message.
  code?: string
  params?: Record<string, string>
}

// The schema's indicator, plus where the indicator list places it (goal and dimension,
// which only GET /api/plan/indicators sends). `registers` is optional in the schema
// because the stored plan document leaves it out; the indicator endpoints always send it.
export interface Indicator extends Omit<Schemas['Indicator'], 'registers'> {
  registers: string[]
  goal?: Schemas['IndicatorListItem']['goal']
  dimension?: Schemas['IndicatorListItem']['dimension']
}

export interface Goal extends Omit<Schemas['Goal'], 'indicators'> {
  indicators: Indicator[]
}

export interface Dimension extends Omit<Schemas['GoalTree']['dimensions'][number], 'goals'> {
  goals: Goal[]
}

export type Section = Schemas['Section']

// stage: a milestone's stage reached, the name of the stage whose percentage `actual` is;
// not_a_stage: a milestone value that is no stage's percentage, counted as no value.
export type IndicatorResult = Schemas['IndicatorResult']

export type RollUp = Schemas['RollUp']

// complete: false when too little of the weight has values for the total to count
// (exclude policy); scoring_note: 計分說明, what the policy did this year.
export type YearEvaluation = Schemas['Evaluation']

export interface IndicatorHistory extends Omit<Schemas['IndicatorHistory'], 'indicator'> {
  indicator: Indicator
}

// stage: a milestone indicator's stage, picked by name from `choices`.
export type FieldType = Schemas['FieldType']

// `default`, present only when set, is the plan's text for the field, which the server
// stores when a record leaves the field empty (on create, import and update alike). The
// schema allows a number or yes/no as well, as the plan document may spell it; the
// registers' answers send it as text, and the forms read it as text.
export interface Field extends Omit<Schemas['Field'], 'default'> {
  default?: string
}

// time_basis 'interval': a record counts in every year its period overlaps; 'period':
// only in a year (or range) that holds its whole period (time_field to end_field; an
// empty end is one day).
export interface Register extends Omit<Schemas['Register'], 'fields'> {
  fields: Field[]
}

export type FieldValue = Schemas['FieldValue']

export type StoredRecord = Schemas['Record']

export type RecordPage = Schemas['RecordPage']

export type ReviewState = Schemas['ReviewState']
// withdraw: the section takes back a submission nobody has reviewed yet (back to draft).
export type ReviewAction = Schemas['ReviewAction']
// The steps POST /api/reviews/{year}/actions takes on many indicators at once: the
// schema allows any review action there, the app offers only these.
export type BulkReviewAction = 'submit' | 'first_review' | 'second_review'

// available_actions: what the signed-in user may do now, as the server decides it.
export type Review = Schemas['Review']

// A review waiting for the signed-in user's step (GET /api/reviews/pending).
export type PendingReview = Schemas['PendingReviews']['pending'][number]

export type PendingReviews = Schemas['PendingReviews']

// username: as it was when the comment was written; display_name: the author's name now.
export type Comment = Schemas['Comment']

export type Evidence = Schemas['Evidence']

export type IndicatorReview = Schemas['IndicatorReview']

export type YearReviews = Schemas['YearReviews']

// POST /api/reviews/{year}/actions: one step on many indicators. Without `section` every
// section's, without `indicators` every indicator that can take it; the ones the signed-in
// user may not take it on are skipped silently.
export interface BulkReviewRequest extends Omit<Schemas['BulkReviewRequest'], 'action'> {
  action: BulkReviewAction
}

// An indicator the step was refused on (a missed target without explanation, separation
// of duties…), named by its id: `path`, as in every problem list (`field` is read too, so
// this is wider than the schema's ProblemItem). The others still went ahead.
export interface BulkReviewRefusal {
  path?: string
  field?: string
  code?: string
  message: string
  params?: Record<string, string>
}

export interface BulkReviewResult extends Omit<Schemas['BulkReviewResult'], 'action' | 'refused'> {
  action: BulkReviewAction // the request's action, so one of the bulk steps
  taken: string[] // indicator ids whose step was taken
  refused: BulkReviewRefusal[]
}

export type YearLock = Schemas['YearStatus']

export type ManualValue = Schemas['ManualValue']

// display_name: null for the system and for accounts that are gone; object_name: what
// people call the object, null where only the id is known.
export type AuditEntry = Schemas['AuditEntry']

export type ImportResult = Schemas['ImportResult']

// Compile-time checks: each holds while the app's narrower or wider type still fits the
// schema; `vue-tsc` fails on the first one that does not.
type Assert<T extends true> = T
type Fits<A, B> = [A] extends [B] ? true : false

type _SchemaChecks = [
  // What the server sends is always something the app can read…
  Assert<Fits<Schemas['ProblemItem'], ProblemEntry>>,
  Assert<Fits<Schemas['BulkReviewResult']['refused'][number], BulkReviewRefusal>>,
  // …and what the app narrows is still a value the schema allows.
  Assert<Fits<Indicator, Schemas['Indicator']>>,
  Assert<Fits<Field, Schemas['Field']>>,
  Assert<Fits<BulkReviewAction, Schemas['ReviewAction']>>,
  Assert<Fits<BulkReviewRequest, Schemas['BulkReviewRequest']>>,
  Assert<Fits<BulkReviewResult['action'], Schemas['BulkReviewResult']['action']>>,
]
