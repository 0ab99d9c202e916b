import { Button, Card, Descriptions, Typography, type DescriptionsProps } from 'antd'
import { EditOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '../../shared/format.ts'
import type { CaseView } from './api.ts'
import { useCaseLabels } from './labels.ts'
import { withNote } from './format.ts'

const orDash = (value: string | number | null) => (value === null || value === '' ? '—' : value)

/** The child, where and when last seen, the circumstances and the reporter, with an edit button for writers. */
export function CaseDetailsCard({ view, onEdit }: { view: CaseView; onEdit?: () => void }) {
  const { t } = useTranslation('cases')
  const { sexLabel, channelLabel, closeReasonLabel } = useCaseLabels()
  const { child, lastSeen, reporter } = view

  const childItems: DescriptionsProps['items'] = [
    { key: 'name', label: t('fields.childName'), children: child.name },
    { key: 'sex', label: t('fields.sex'), children: sexLabel(child.sex) },
    { key: 'birthDate', label: t('fields.birthDate'), children: child.birthDate ? formatDate(child.birthDate) : '—' },
    { key: 'ageYears', label: t('fields.ageYears'), children: child.ageYears === null ? '—' : t('age', { count: child.ageYears }) },
    { key: 'ageNow', label: t('fields.ageNowYears'), children: view.ageNowYears === null ? '—' : t('age', { count: view.ageNowYears }) },
    { key: 'height', label: t('fields.heightCm'), children: child.heightCm === null ? '—' : t('cm', { value: child.heightCm }) },
    { key: 'build', label: t('fields.build'), children: orDash(child.build) },
    { key: 'dialect', label: t('fields.dialect'), children: orDash(child.dialect) },
    { key: 'idNumber', label: t('fields.idNumber'), children: <span className="ty-mono">{orDash(child.idNumber)}</span> },
    { key: 'clothing', label: t('fields.clothing'), children: orDash(child.clothing), span: 'filled' },
    { key: 'marks', label: t('fields.marks'), children: orDash(child.marks), span: 'filled' },
  ]
  const placeItems: DescriptionsProps['items'] = [
    { key: 'at', label: t('fields.lastSeenAt'), children: formatDateTime(lastSeen.at) },
    { key: 'division', label: t('fields.lastSeenDivision'), children: withNote(t, lastSeen.divisionName, lastSeen.divisionCode) },
    {
      key: 'coords',
      label: t('fields.coordinates'),
      children: lastSeen.lat === null || lastSeen.lon === null ? t('details.noCoordinates') : `${lastSeen.lat}, ${lastSeen.lon}`,
    },
    { key: 'address', label: t('fields.lastSeenAddress'), children: lastSeen.address, span: 'filled' },
    {
      key: 'circumstances',
      label: t('fields.circumstances'),
      children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{view.circumstances}</Typography.Paragraph>,
      span: 'filled',
    },
  ]
  const reportItems: DescriptionsProps['items'] = [
    { key: 'reporter', label: t('fields.reporter'), children: withNote(t, reporter.name, reporter.relation) },
    { key: 'phone', label: t('fields.reporterPhone'), children: reporter.phone },
    { key: 'channel', label: t('fields.intakeChannel'), children: channelLabel(view.intakeChannel) },
    { key: 'reportedAt', label: t('fields.reportedAt'), children: formatDateTime(view.reportedAt) },
    { key: 'unit', label: t('fields.unit'), children: view.unitPhone ? withNote(t, view.unitName, view.unitPhone) : view.unitName },
    ...(view.foundAt ? [{ key: 'foundAt', label: t('fields.foundAt'), children: formatDateTime(view.foundAt) }] : []),
    ...(view.closedAt
      ? [
          { key: 'closedAt', label: t('fields.closedAt'), children: formatDateTime(view.closedAt) },
          { key: 'closeReason', label: t('fields.closeReason'), children: view.closeReason ? closeReasonLabel(view.closeReason) : '—' },
        ]
      : []),
  ]
  const column = { xs: 1, md: 2, xl: 3 }

  return (
    <Card
      title={t('details.title')}
      size="small"
      data-testid="case-details"
      extra={
        onEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="case-edit">
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      <Descriptions title={t('intake.sections.child')} items={childItems} column={column} size="small" />
      <Descriptions title={t('intake.sections.lastSeen')} items={placeItems} column={column} size="small" style={{ marginTop: 16 }} />
      <Descriptions title={t('intake.sections.reporter')} items={reportItems} column={column} size="small" style={{ marginTop: 16 }} />
    </Card>
  )
}
