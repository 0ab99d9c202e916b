import { useState } from 'react'
import { Button, Card, Flex, Tag, Typography } from 'antd'
import { TeamOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { listTeamCandidates, type ClueView } from './api.ts'
import { AssignModal } from './assign-modal.tsx'

/** The clue's team (一信息一档一工作组): names for those who may assign it, else how many there are. */
export function TeamCard({ clue, canAssign, onAssigned }: { clue: ClueView; canAssign: boolean; onAssigned(): void }) {
  const { t } = useTranslation('clues')
  const [isOpen, setIsOpen] = useState(false)
  const people = useLoad(async () => (canAssign ? listTeamCandidates(clue.routedUnitId) : []), [canAssign, clue.routedUnitId])
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.displayName
  const isOpenClue = clue.status !== 'closed'
  return (
    <Card
      title={t('fields.team')}
      size="small"
      data-testid="clue-team"
      extra={
        canAssign &&
        isOpenClue && (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setIsOpen(true)} data-testid="clue-assign">
            {t('inbox.assign')}
          </Button>
        )
      }
    >
      {clue.assignees.length === 0 ? (
        <Typography.Text type="secondary">{t('inbox.noTeam')}</Typography.Text>
      ) : canAssign ? (
        <Flex gap={4} wrap>
          {clue.assignees.map((id) => (
            <Tag key={id}>{nameOf(id) ?? t('team.someone')}</Tag>
          ))}
        </Flex>
      ) : (
        <Typography.Text>{t('inbox.teamSize', { count: clue.assignees.length })}</Typography.Text>
      )}
      {isOpen && (
        <AssignModal
          clueIds={[clue.id]}
          unitId={clue.routedUnitId}
          current={clue.assignees}
          onClose={() => setIsOpen(false)}
          onAssigned={() => {
            setIsOpen(false)
            onAssigned()
          }}
        />
      )}
    </Card>
  )
}
