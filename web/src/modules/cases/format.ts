import type { TFunction } from 'i18next'

// Punctuation differs between the languages (全角 "：" and "（）" in Chinese): these put it in the reader's.

/** "派出警力：南山派出所" / "Units sent: Nanshan station". */
export const labelled = (t: TFunction, label: string, value: string | number) => t('cases:labelled', { label, value })

/** "李侦查（南山分局）" / "Li (Nanshan)". */
export const withNote = (t: TFunction, main: string, note: string) => t('cases:withNote', { main, note })
