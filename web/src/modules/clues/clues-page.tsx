import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { Badge, Button, Checkbox, DatePicker, Dropdown, Flex, Radio, Select, Table, Tabs, Typography } from 'antd'
import { BarChartOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../api/use-load.ts'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { countInbox, listInbox, type ClueView } from './api.ts'
import { AssignModal } from './assign-modal.tsx'
import { useClueColumns } from './clue-columns.tsx'
import { ClueLoadError } from './errors.tsx'
import { useInboxFilters } from './inbox-filters.ts'
import { CLUE_KINDS, CLUE_SOURCES, INBOX_TABS, dueState, useClueLabels } from './labels.ts'
import { CLUE_PERMISSIONS, CONSOLE_KINDS, CREATE_PERMISSION } from './permissions.ts'
import { useClueUnits } from './use-clue-units.ts'
import './clues.css'

const LIMIT = 500

/**
 * The inbox of the signed-in user's unit (or what it sent): new, due soon, overdue, all open and closed clues with
 * their counts, filtered by kind, source and due date; open clues can be given a team in bulk.
 */
export default function CluesPage() {
  const { t } = useTranslation('clues')
  const { me, can } = useAuth()
  const navigate = useNavigate()
  const { kindLabel, sourceLabel } = useClueLabels()
  const filters = useInboxFilters()
  const { unitName } = useClueUnits()
  const [selected, setSelected] = useState<string[]>([])
  const [isAssigning, setIsAssigning] = useState(false)
  const query = {
    kind: filters.kind,
    source: filters.source,
    dueBefore: filters.dueBefore,
    mine: filters.mine || undefined,
    sent: filters.sent || undefined,
  }
  const key = JSON.stringify(query)
  const counts = useLoad(() => countInbox(query), [key])
  const clues = useLoad(() => listInbox({ ...query, view: filters.view, limit: LIMIT }), [key, filters.view])
  const reload = () => {
    setSelected([])
    counts.reload()
    clues.reload()
  }
  const columns = useClueColumns(unitName, filters.sent)
  const canAssign = can(CLUE_PERMISSIONS.assign) && !filters.sent && filters.view !== 'closed'
  const creatable = CONSOLE_KINDS.filter((kind) => can(CREATE_PERMISSION[kind]))
  // A team is drawn from the unit the clues lie with: clues escalated from several units are assigned one unit at a time.
  const selectedUnits = [...new Set((clues.data ?? []).filter((c) => selected.includes(c.id)).map((c) => c.routedUnitId))]

  return (
    <>
      <PageHeader
        title={
          <>
            {t('inbox.title')}
            <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 'normal' }}>
              {me?.unit.name}
            </Typography.Text>
          </>
        }
        testId="clues-title"
        extra={
          <Flex gap={8} wrap>
            <Link to="/clue-stats">
              <Button icon={<BarChartOutlined />}>{t('nav.stats')}</Button>
            </Link>
            {creatable.length > 0 && (
              <Dropdown
                menu={{
                  items: creatable.map((kind) => ({ key: kind, label: t(`create.titles.${kind}`) })),
                  onClick: ({ key: kind }) => void navigate(`/clues/new?kind=${kind}`),
                }}
              >
                <Button type="primary" icon={<PlusOutlined />} data-testid="clue-create">
                  {t('inbox.create')}
                </Button>
              </Dropdown>
            )}
          </Flex>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <Radio.Group
          value={filters.sent ? 'sent' : 'received'}
          onChange={(e) => filters.set({ sent: e.target.value === 'sent' ? 'true' : null })}
          optionType="button"
          options={[
            { value: 'received', label: t('inbox.received') },
            { value: 'sent', label: t('inbox.sent') },
          ]}
          data-testid="clues-direction"
        />
        <Select
          value={filters.kind}
          onChange={(value) => filters.set({ kind: value ?? null })}
          allowClear
          placeholder={t('inbox.kindFilter')}
          style={{ width: 160 }}
          options={CLUE_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          data-testid="clues-kind"
        />
        <Select
          value={filters.source}
          onChange={(value) => filters.set({ source: value ?? null })}
          allowClear
          placeholder={t('inbox.sourceFilter')}
          style={{ width: 160 }}
          options={CLUE_SOURCES.map((value) => ({ value, label: sourceLabel(value) }))}
          data-testid="clues-source"
        />
        <DatePicker
          value={filters.dueBefore ? dayjs(filters.dueBefore) : null}
          onChange={(day) => filters.set({ dueBefore: day ? day.endOf('day').toISOString() : null })}
          placeholder={t('inbox.dueBefore')}
          data-testid="clues-due-before"
        />
        {!filters.sent && (
          <Checkbox checked={filters.mine} onChange={(e) => filters.set({ mine: e.target.checked ? 'true' : null })}>
            {t('inbox.mine')}
          </Checkbox>
        )}
      </Flex>
      <Tabs
        activeKey={filters.view}
        onChange={(view) => {
          setSelected([])
          filters.set({ view })
        }}
        items={INBOX_TABS.map((tab) => ({
          key: tab,
          label: (
            <span data-testid={`clues-tab-${tab}`}>
              {t(`inbox.tabs.${tab}`)}{' '}
              <Badge
                count={counts.data?.[tab] ?? 0}
                showZero
                overflowCount={9999}
                color={tab === 'overdue' ? 'red' : tab === 'due_soon' ? 'orange' : tab === 'closed' ? 'gray' : 'blue'}
                data-testid={`clues-count-${tab}`}
              />
            </span>
          ),
        }))}
      />
      <ClueLoadError error={clues.error ?? counts.error} onRetry={reload} />
      {canAssign && (
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <Button
            icon={<TeamOutlined />}
            disabled={selectedUnits.length !== 1}
            onClick={() => setIsAssigning(true)}
            data-testid="clues-assign"
          >
            {t('inbox.assign')}
          </Button>
          <Typography.Text type={selectedUnits.length > 1 ? 'warning' : 'secondary'}>
            {selectedUnits.length > 1 ? t('inbox.severalUnits') : t('inbox.selected', { count: selected.length })}
          </Typography.Text>
        </Flex>
      )}
      <Table<ClueView>
        rowKey="id"
        columns={columns}
        dataSource={clues.data ?? []}
        loading={clues.isLoading}
        size="middle"
        scroll={{ x: 'max-content' }}
        rowClassName={(c) => (dueState(c) === 'overdue' ? 'ty-clue-overdue' : '')}
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (c) => ({ disabled: c.status === 'closed' }),
              }
            : undefined
        }
        locale={{ emptyText: t(`inbox.empty.${filters.view}`) }}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => t('inbox.total', { count: total }),
        }}
        data-testid="clues-table"
      />
      {isAssigning && selectedUnits.length === 1 && (
        <AssignModal
          clueIds={selected}
          unitId={selectedUnits[0]}
          onClose={() => setIsAssigning(false)}
          onAssigned={() => {
            setIsAssigning(false)
            reload()
          }}
        />
      )}
    </>
  )
}
