import dayjs from 'dayjs'

/** Absolute local time, the same shape in every language so that officers can compare records. */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—')

export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—')

/** "3 小时后" / "in 3 hours", in the current dayjs locale. */
export const fromNow = (iso: string): string => dayjs(iso).fromNow()
