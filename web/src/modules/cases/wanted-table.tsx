import { useState } from 'react'
import { Link } from 'react-router'
import {
  App,
  Button,
  Form,
  Image,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import { formatDateTime } from '../../shared/format.ts'
import { publishWantedNotice, revokeWantedNotice, setWantedPhoto, wantedPhotoUrl, type RevokeReason, type WantedNoticeView } from './api.ts'
import { PHOTO_TYPES, photoProblem } from './case-photos-card.tsx'
import { useCaseReportError } from './errors.tsx'
import { REVOKE_REASONS, useCaseLabels, wantedStatusColor } from './labels.ts'
import { CASE_PERMISSIONS } from './permissions.ts'
import { labelled } from './format.ts'

function RevokeModal({ notice, onClose, onRevoked }: { notice: WantedNoticeView; onClose(): void; onRevoked(): void }) {
  const { t } = useTranslation('cases')
  const reportError = useCaseReportError()
  const { revokeReasonLabel } = useCaseLabels()
  const [form] = Form.useForm<{ reason: RevokeReason; note?: string }>()
  const [isSaving, setIsSaving] = useState(false)
  const onFinish = async (values: { reason: RevokeReason; note?: string }) => {
    setIsSaving(true)
    try {
      await revokeWantedNotice(notice.id, { reason: values.reason, ...(values.note?.trim() ? { note: values.note.trim() } : {}) })
      onRevoked()
    } catch (error) {
      reportError(error, form)
    } finally {
      setIsSaving(false)
    }
  }
  return (
    <Modal
      open
      title={t('wanted.revokeTitle', { name: notice.suspectName })}
      okText={t('wanted.revoke')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item
          name="reason"
          label={t('wanted.fields.revokeReason')}
          rules={[{ required: true, message: t('wanted.revokeReasonRequired') }]}
        >
          <Select
            options={REVOKE_REASONS.map((value) => ({ value, label: revokeReasonLabel(value) }))}
            data-testid="wanted-revoke-reason"
          />
        </Form.Item>
        <Form.Item name="note" label={t('wanted.fields.revokeNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Publish, replace the photo, revoke: for the issuing unit's officers (the server checks which unit). */
function NoticeActions({ notice, onChanged }: { notice: WantedNoticeView; onChanged(): void }) {
  const { t } = useTranslation('cases')
  const { message } = App.useApp()
  const reportError = useCaseReportError()
  const [isRevoking, setIsRevoking] = useState(false)
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action()
      void message.success(t(done))
      onChanged()
    } catch (error) {
      reportError(error)
    }
  }
  if (notice.status === 'revoked') return null
  return (
    <Space size={4} wrap>
      {notice.status === 'draft' && (
        <Popconfirm title={t('wanted.publishConfirm')} onConfirm={() => run(() => publishWantedNotice(notice.id), 'wanted.published')}>
          <Button size="small" type="primary" data-testid="wanted-publish">
            {t('wanted.publish')}
          </Button>
        </Popconfirm>
      )}
      <Upload
        accept={PHOTO_TYPES.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = photoProblem(file)
          if (problem) void message.error(t(problem))
          else void run(() => setWantedPhoto(notice.id, file), 'wanted.photoSet')
          return false
        }}
      >
        <Button size="small">{notice.hasPhoto ? t('wanted.replacePhoto') : t('wanted.addPhoto')}</Button>
      </Upload>
      <Button size="small" danger onClick={() => setIsRevoking(true)} data-testid="wanted-revoke">
        {t('wanted.revoke')}
      </Button>
      {isRevoking && (
        <RevokeModal
          notice={notice}
          onClose={() => setIsRevoking(false)}
          onRevoked={() => {
            setIsRevoking(false)
            void message.success(t('wanted.revoked'))
            onChanged()
          }}
        />
      )}
    </Space>
  )
}

interface WantedTableProps {
  notices: readonly WantedNoticeView[]
  loading: boolean
  onChanged(): void
  /** In a case's workspace: no case, unit or date columns, which the narrow card has no room for. */
  compact?: boolean
  pagination?: false | { current: number; pageSize: number; total: number; onChange(page: number): void }
}

/** Wanted notices with photo, suspect, class, status and the actions on them. */
export function WantedTable({ notices, loading, onChanged, compact = false, pagination = false }: WantedTableProps) {
  const { t } = useTranslation('cases')
  const { can } = useAuth()
  const { sexLabel, wantedStatusLabel, revokeReasonLabel } = useCaseLabels()
  const columns: TableColumnsType<WantedNoticeView> = [
    {
      key: 'photo',
      title: t('wanted.fields.photo'),
      render: (_, n) =>
        n.hasPhoto ? (
          <Image
            width={48}
            height={60}
            style={{ objectFit: 'cover' }}
            src={wantedPhotoUrl(n.id, 'thumb')}
            preview={{ src: wantedPhotoUrl(n.id, 'full') }}
            alt={n.suspectName}
          />
        ) : (
          '—'
        ),
    },
    {
      key: 'suspect',
      title: t('wanted.fields.suspectName'),
      render: (_, n) => (
        <Space size={2} orientation="vertical">
          <Typography.Text strong>{n.suspectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sexLabel(n.suspectSex)}
            {n.suspectBirthYear && ` · ${t('wanted.bornIn', { year: n.suspectBirthYear })}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'class',
      title: t('wanted.fields.class'),
      render: (_, n) => <Tag color={n.class === 'A' ? 'red' : 'orange'}>{t(`wanted.class.${n.class}`)}</Tag>,
    },
    ...(!compact
      ? [
          {
            key: 'case',
            title: t('wanted.fields.case'),
            render: (_: unknown, n: WantedNoticeView) => (
              <Link to={`/cases/${n.caseId}`} className="ty-mono">
                {n.caseNo}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('fields.status'),
      render: (_, n) => (
        <Space size={2} orientation="vertical">
          <Tag color={wantedStatusColor(n.status)} data-testid="wanted-status">
            {wantedStatusLabel(n.status)}
          </Tag>
          {n.revokeReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {labelled(t, t('wanted.fields.revokeReason'), revokeReasonLabel(n.revokeReason))}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(!compact
      ? [
          { key: 'unit', title: t('wanted.fields.issuingUnit'), dataIndex: 'issuingUnitName' },
          {
            key: 'publishedAt',
            title: t('wanted.fields.publishedAt'),
            render: (_: unknown, n: WantedNoticeView) => (n.status === 'draft' ? '—' : formatDateTime(n.publishedAt)),
          },
        ]
      : []),
    ...(can(CASE_PERMISSIONS.wantedIssue)
      ? [
          {
            key: 'actions',
            title: t('common:fields.actions'),
            render: (_: unknown, n: WantedNoticeView) => <NoticeActions notice={n} onChanged={onChanged} />,
          },
        ]
      : []),
  ]
  return (
    <Table<WantedNoticeView>
      rowKey="id"
      columns={columns}
      dataSource={[...notices]}
      loading={loading}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('wanted.empty') }}
      pagination={pagination && { ...pagination, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="wanted-table"
    />
  )
}
