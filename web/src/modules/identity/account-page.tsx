import { Descriptions, Flex, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../auth/auth-context.tsx'
import { PageHeader } from '../../shared/page-header.tsx'
import { useIdentityLabels } from './labels.ts'
import { PasswordCard } from './password-card.tsx'
import { SessionsCard } from './sessions-card.tsx'
import { TotpCard } from './totp-card.tsx'

/** The signed-in user's own account: who and where they are, password, two-factor sign-in, sessions. */
export default function AccountPage() {
  const { t } = useTranslation('auth')
  const { me } = useAuth()
  const { roleLabel, unitTypeLabel, levelLabel } = useIdentityLabels()
  if (!me) return null
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('account.username'), children: me.username },
            { key: 'displayName', label: t('account.displayName'), children: me.displayName },
            {
              key: 'unit',
              label: t('account.unit'),
              children: t('account.unitLine', {
                name: me.unit.name,
                type: unitTypeLabel(me.unit.type),
                level: levelLabel(me.unit.level, me.unit.type),
              }),
            },
            { key: 'roles', label: t('account.roles'), children: me.roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>) },
          ]}
        />
        <PasswordCard />
        <TotpCard />
        <SessionsCard />
      </Flex>
    </>
  )
}
