import type { Ctx } from '../../platform/context.ts'
import type { UnitView } from '../identity/schema.ts'
import { createCollectionPoint } from './service.ts'

const HOURS = '工作日 9:00-12:00，14:00-17:30'
const NOTES = '示例数据，请勿前往或拨打。采血免费；请携带本人身份证件，如有走失儿童的照片、出生证明等资料请一并带上。'

/** Demo points at district-level coordinates (WGS-84) with made-up addresses and numbers. */
const DEMO_POINTS: {
  unit: string
  name: string
  address: string
  divisionCode: string
  latitude: number
  longitude: number
  phone: string
}[] = [
  {
    unit: 'ns',
    name: '南山分局采血点（示例）',
    address: '深圳市公安局南山分局 采血点（示例）',
    divisionCode: '440305',
    latitude: 22.5333,
    longitude: 113.9305,
    phone: '0755-00000001',
  },
  {
    unit: 'ft',
    name: '福田分局采血点（示例）',
    address: '深圳市公安局福田分局 采血点（示例）',
    divisionCode: '440304',
    latitude: 22.5214,
    longitude: 114.0554,
    phone: '0755-00000002',
  },
  {
    unit: 'sz',
    name: '深圳市公安局采血点（示例）',
    address: '深圳市公安局 采血点（示例）',
    divisionCode: '440304',
    latitude: 22.5431,
    longitude: 114.0579,
    phone: '0755-00000003',
  },
  {
    unit: 'th',
    name: '天河区分局采血点（示例）',
    address: '广州市公安局天河区分局 采血点（示例）',
    divisionCode: '440106',
    latitude: 23.1247,
    longitude: 113.3612,
    phone: '020-00000004',
  },
  {
    unit: 'wh',
    name: '武侯区分局采血点（示例）',
    address: '成都市公安局武侯区分局 采血点（示例）',
    divisionCode: '510107',
    latitude: 30.6423,
    longitude: 104.0432,
    phone: '028-00000005',
  },
]

export async function seedDemoCollectionPoints(ctx: Ctx, units: Record<string, UnitView>): Promise<void> {
  for (const { unit, ...point } of DEMO_POINTS) {
    await createCollectionPoint(ctx, { ...point, unitId: units[unit].id, hours: HOURS, notes: NOTES })
  }
}
