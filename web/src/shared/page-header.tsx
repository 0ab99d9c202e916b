import type { ReactNode } from 'react'
import { Typography } from 'antd'

/** A page's heading and its main actions on one line. */
export function PageHeader({ title, extra, testId }: { title: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <div className="ty-page-header">
      <Typography.Title level={3} data-testid={testId}>
        {title}
      </Typography.Title>
      {extra}
    </div>
  )
}
