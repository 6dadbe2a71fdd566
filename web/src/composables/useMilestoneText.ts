// A milestone's stages in the page's language: a stage as an option (「規劃設計（25%）」),
// an actual value with the stage it reached (「25%（規劃設計）」), and why a value that is
// no stage's percentage counts as no value, listing the plan's stages. Worded here from
// the numbers rather than from the server's English note.
import { useI18n } from 'vue-i18n'
import type { Stage } from '../lib/milestone'
import { formatFigure } from '../lib/numbers'

export function useMilestoneText() {
  const { t } = useI18n()
  // A stage's percentage as the plan writes it (25, 12.5), like a milestone's target.
  const percent = (value: number) => formatFigure(value, 4)

  const option = (stage: Stage) => t('milestone.option', { name: stage.name, percent: percent(stage.percent) })

  // `text` is the value as the page shows it; unchanged without a stage.
  const reached = (text: string, stage: string | null | undefined) => (stage ? t('milestone.reached', { value: text, stage }) : text)

  const notAStage = (value: number, stages: readonly Stage[]) =>
    stages.length
      ? t('milestone.notAStage', { value: percent(value), stages: stages.map(option).join(t('milestone.separator')) })
      : t('milestone.notAStageBare', { value: percent(value) })

  return { option, reached, notAStage }
}
