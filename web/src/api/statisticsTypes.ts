// GET /api/statistics?from=&to=: the plan's metrics per section, each ROC year of the range
// and the whole range ("span", computed over the range, so not always the years' sum).
export interface StatisticsMetric {
  id: string
  name: string
  unit: string
  decimals: number
  values: Record<string, number | null>
  span: number | null
}

export interface StatisticsSection {
  id: string
  name: string
  metrics: StatisticsMetric[]
}

export interface Statistics {
  from: number
  to: number
  years: number[]
  sections: StatisticsSection[]
}
