import { Button, Card, Descriptions, Space, Tag, Typography, type DescriptionsProps } from 'antd'
import { ArrowLeftOutlined } from '@ant-design/icons'
import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { formatDateTime } from '../../shared/format.ts'
import { PageHeader } from '../../shared/page-header.tsx'
import { getHit, type HitView } from './api.ts'
import { DnaLoadError } from './errors.tsx'
import { LrValue } from './format.tsx'
import { isOverdue } from './hit-columns.tsx'
import { HitDecisionBar } from './hit-decision.tsx'
import { HitLociTable } from './hit-loci-table.tsx'
import { isPaternityMode, STATUS_COLOR, useDnaLabels } from './labels.ts'
import { loadProfiles, useUnitNames } from './use-lookups.ts'

/** One hit for review: its statistics and provenance, the profiles locus by locus, and the decision. */
export default function HitPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation('dna')
  const { can } = useAuth()
  const { modeLabel, relationshipLabel, statusLabel } = useDnaLabels()
  const { nameOf } = useUnitNames()
  const hit = useLoad(() => getHit(id), [id])
  const profiles = useLoad(
    async () => (hit.data ? loadProfiles([...hit.data.referenceProfileIds, hit.data.candidateProfileId]) : []),
    [hit.data?.id],
  )
  const h = hit.data

  const items: DescriptionsProps['items'] = h && [
    { key: 'mode', label: t('hit.fields.mode'), children: modeLabel(h.mode) },
    { key: 'relationship', label: t('hit.fields.relationship'), children: relationshipLabel(h.relationship) },
    {
      key: 'lr',
      label: isPaternityMode(h.mode) ? t('hit.fields.cpi') : t('hit.fields.lrOnly'),
      children: <LrValue log10={h.log10Lr} />,
    },
    { key: 'conclusion', label: t('hit.fields.conclusion'), children: <ConclusionTag conclusion={h.conclusion} /> },
    { key: 'inconsistent', label: t('hit.fields.inconsistentCount'), children: h.inconsistentLoci.length },
    { key: 'table', label: t('hit.fields.frequencyTable'), children: <span className="ty-mono">{h.frequencyTable}</span> },
    { key: 'engine', label: t('hit.fields.engineVersion'), children: <span className="ty-mono">{h.engineVersion}</span> },
    { key: 'unit', label: t('hit.fields.reviewUnit'), children: nameOf(h.unitId) },
    { key: 'other', label: t('hit.fields.otherUnit'), children: nameOf(h.otherUnitId) },
    { key: 'created', label: t('hit.fields.createdAt'), children: formatDateTime(h.createdAt) },
    {
      key: 'due',
      label: t('hit.fields.reviewDueAt'),
      children: <Typography.Text type={isOverdue(h) ? 'danger' : undefined}>{formatDateTime(h.reviewDueAt)}</Typography.Text>,
    },
    ...(h.decidedAt
      ? [
          { key: 'decidedAt', label: t('hit.fields.decidedAt'), children: formatDateTime(h.decidedAt) },
          { key: 'reason', label: t('hit.fields.decisionReason'), children: h.decisionReason ?? '—', span: 2 },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={
          <Space>
            {t('hit.title')}
            {h && <Tag color={STATUS_COLOR[h.status]}>{statusLabel(h.status)}</Tag>}
          </Space>
        }
        testId="dna-hit-title"
        extra={
          <Link to="/dna-hits">
            <Button icon={<ArrowLeftOutlined />}>{t('hit.back')}</Button>
          </Link>
        }
      />
      <DnaLoadError error={hit.error} onRetry={hit.reload} />
      {!h && hit.isLoading && <Card loading />}
      {h && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Descriptions items={items} column={{ xs: 1, md: 2, xl: 3 }} size="small" />
          </Card>
          {can('dna.hit.review') && h.status === 'pending' && (
            <Card title={t('hit.decision.title')} size="small">
              <HitDecisionBar hit={h} onDecided={hit.reload} onStale={hit.reload} />
            </Card>
          )}
          <Card title={t('hit.loci.title')} size="small" loading={profiles.isLoading}>
            <DnaLoadError error={profiles.error} onRetry={profiles.reload} />
            <HitLociTable hit={h} profiles={profiles.data ?? []} />
          </Card>
        </Space>
      )}
    </>
  )
}

const CONCLUSION_COLOR: Record<HitView['conclusion'], string> = { supports: 'green', inconclusive: 'gold', excluded: 'red' }

/** A screening hit below CPI 10⁴ reads "inconclusive": the reviewer asks for more loci before confirming. */
function ConclusionTag({ conclusion }: { conclusion: HitView['conclusion'] }) {
  const { t } = useTranslation('dna')
  return <Tag color={CONCLUSION_COLOR[conclusion]}>{t(`hit.conclusions.${conclusion}`)}</Tag>
}
