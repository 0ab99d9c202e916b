import { Typography } from 'antd'

/** Loci in natural order (D1…, D2…, D10…, then FGA, TH01, TPOX, vWA), whatever order the server sent. */
export const sortLoci = (loci: Iterable<string>): string[] =>
  [...new Set(loci)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }))

/** The mantissa and exponent of 10^log10, so that ratios beyond a double's range still print. */
export function scientific(log10: number): { mantissa: string; exponent: number } {
  let exponent = Math.floor(log10)
  let mantissa = 10 ** (log10 - exponent)
  if (Number(mantissa.toFixed(2)) >= 10) {
    mantissa /= 10
    exponent += 1
  }
  return { mantissa: mantissa.toFixed(2), exponent }
}

/** "3.16 × 10⁶ (log₁₀ 6.50)": how analysts read a CPI or LR. */
export function LrValue({ log10, compact }: { log10: number; compact?: boolean }) {
  if (!Number.isFinite(log10)) return <span className="ty-mono">{log10 > 0 ? '∞' : '0'}</span>
  const { mantissa, exponent } = scientific(log10)
  return (
    <span className="ty-mono" style={{ whiteSpace: 'nowrap' }}>
      {mantissa} × 10<sup>{exponent}</sup>
      {!compact && <Typography.Text type="secondary">{` (log₁₀ ${log10.toFixed(2)})`}</Typography.Text>}
      {compact && <div style={{ fontSize: 12, opacity: 0.65 }}>{`log₁₀ ${log10.toFixed(2)}`}</div>}
    </span>
  )
}

/** A per-locus index, plain when it is an everyday number, scientific when it is not. */
export function formatIndex(value: number): string {
  if (value === 0) return '0'
  if (!Number.isFinite(value)) return '∞'
  if (value >= 0.01 && value < 10_000) return String(Number(value.toPrecision(4)))
  return value.toExponential(2)
}

export const shortId = (id: string) => id.slice(0, 8)

export const allelesText = (alleles: readonly string[] | undefined) => (alleles && alleles.length ? alleles.join(', ') : '—')
