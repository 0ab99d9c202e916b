// China keeps one time zone without daylight saving, so a fixed offset is exact and needs no tz database.
const CHINA_OFFSET = '+08:00'
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** The wall-clock fields of `date` in China Standard Time, as "YYYY-MM-DDTHH:MM:SS". */
function chinaWallClock(date: Date): string {
  const ms = date.getTime()
  if (!Number.isFinite(ms)) throw new RangeError('invalid date')
  // toISOString() keeps milliseconds after the seconds; cutting them floors to the second.
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)
}

/**
 * A CAP 1.2 dateTime: whole seconds and a numeric offset. The spec forbids "Z" (UTC would be "-00:00")
 * and the XSD pattern admits no fractional seconds; every time we publish uses +08:00, so the `sent` of an
 * earlier message, quoted in `references`, is always spelt the same way.
 */
export function formatCapDateTime(date: Date): string {
  return chinaWallClock(date) + CHINA_OFFSET
}

/** "2024年5月1日 14:30" in China Standard Time, for zh-CN texts. */
export function formatChineseTime(date: Date): string {
  const [day, time] = chinaWallClock(date).split('T')
  const [year, month, dayOfMonth] = day.split('-').map(Number)
  return `${year}年${month}月${dayOfMonth}日 ${time.slice(0, 5)}`
}

/** "2024-05-01 14:30 (UTC+8)", for English texts. */
export function formatEnglishTime(date: Date): string {
  const [day, time] = chinaWallClock(date).split('T')
  return `${day} ${time.slice(0, 5)} (UTC+8)`
}
