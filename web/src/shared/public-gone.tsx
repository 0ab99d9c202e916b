import { Button, Result } from 'antd'
import { Link } from 'react-router'

/**
 * A public detail page whose record no longer stands (an ended alert, a revoked notice), or never did: the public
 * is told only that, never why, with a way back to the list.
 */
export function PublicGone({
  title,
  detail,
  back,
  backTo,
  testId,
}: {
  title: string
  detail: string
  back: string
  backTo: string
  testId: string
}) {
  return (
    <Result
      status="404"
      title={title}
      subTitle={detail}
      extra={
        <Link to={backTo}>
          <Button type="primary">{back}</Button>
        </Link>
      }
      data-testid={testId}
    />
  )
}
