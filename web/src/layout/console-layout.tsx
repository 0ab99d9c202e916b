import { useState } from 'react'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { Button, Layout, Menu, Space, Typography, theme } from 'antd'
import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/auth-context.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { useNavItems } from './nav-items.tsx'
import { BrandMark } from './brand-mark.tsx'

const { Header, Sider, Content } = Layout

/** The signed-in frame: module menu on the left, who is signed in and where, language and sign-out on top. */
export function ConsoleLayout() {
  const { t } = useTranslation()
  const { me, signOut } = useAuth()
  const navigate = useNavigate()
  const location = useLocation()
  const items = useNavItems()
  const [collapsed, setCollapsed] = useState(false)
  const { token } = theme.useToken()
  const selected = `/${location.pathname.split('/')[1] ?? ''}`

  const onSignOut = async () => {
    await signOut()
    await navigate('/login', { replace: true })
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div className="ty-brand">
          <BrandMark size={28} />
          {!collapsed && <span className="ty-brand-name">{t('app.name')}</span>}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} onClick={({ key }) => void navigate(key)} />
      </Sider>
      <Layout>
        <Header
          className="ty-header"
          style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Typography.Text strong className="ty-header-title">
            {t('app.title')}
          </Typography.Text>
          <Space size="middle">
            <Space size={4} data-testid="current-user">
              <UserOutlined />
              <Typography.Text>{me?.displayName}</Typography.Text>
              <Typography.Text type="secondary">{me?.unit.name}</Typography.Text>
            </Space>
            <LanguageSwitch />
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void onSignOut()} data-testid="logout">
              {t('actions.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  )
}
