import { useEffect, useState } from 'react'
import { Spin } from 'antd'
import QRCode from 'qrcode'
import { useTranslation } from 'react-i18next'

/** The otpauth URI as a QR code, drawn in the browser: the secret never leaves for an image service. */
export function TotpQr({ uri }: { uri: string }) {
  const { t } = useTranslation('auth')
  const [dataUrl, setDataUrl] = useState<string | null>(null)

  useEffect(() => {
    let isCurrent = true
    QRCode.toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' }).then(
      (url) => isCurrent && setDataUrl(url),
      () => isCurrent && setDataUrl(null),
    )
    return () => {
      isCurrent = false
    }
  }, [uri])

  if (!dataUrl) return <Spin />
  return <img src={dataUrl} width={200} height={200} alt={t('totp.qrAlt')} data-testid="totp-qr" style={{ border: '1px solid #f0f0f0' }} />
}
