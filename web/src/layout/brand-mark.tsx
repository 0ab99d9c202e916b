/** The 团圆 mark: two circles meeting, drawn inline so that the console needs no image requests. */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="#c8102e" />
      <circle cx="12.5" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2.2" />
      <circle cx="19.5" cy="16" r="6.5" fill="none" stroke="#ffd666" strokeWidth="2.2" />
    </svg>
  )
}
