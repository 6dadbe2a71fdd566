// GET /api/statistics?from=&to=: the plan's metrics per section, each ROC year of the range
// and the whole range ("span", computed over the range, so not always the years' sum). The
// schema describes the answer inline, so the types are taken from the operation.
import type { operations } from './schema'

export type Statistics = operations['getStatistics']['responses'][200]['content']['application/json']

export type StatisticsSection = Statistics['sections'][number]

export type StatisticsMetric = StatisticsSection['metrics'][number]
