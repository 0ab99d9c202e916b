import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime, fromNow } from '../../shared/format.ts'
import type { ClueView } from './api.ts'
import { dueState } from './labels.ts'

const COLOR = { overdue: 'red', due_soon: 'orange', on_time: 'blue' } as const

/** The clue's due date, how long is left (or how late it is), and a tag when it is due soon or overdue. */
export function DueTag({ clue, compact }: { clue: Pick<ClueView, 'status' | 'dueAt'>; compact?: boolean }) {
  const { t } = useTranslation('clues')
  const state = dueState(clue)
  if (!clue.dueAt) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size={4} wrap orientation={compact ? 'horizontal' : 'vertical'}>
      <span>{formatDateTime(clue.dueAt)}</span>
      {state && state !== 'on_time' ? (
        <Tag color={COLOR[state]} data-testid="clue-due-tag">
          {t(`due.${state}`)} · {fromNow(clue.dueAt)}
        </Tag>
      ) : (
        state && <Typography.Text type="secondary">{fromNow(clue.dueAt)}</Typography.Text>
      )}
    </Space>
  )
}
