// The import file's columns, as the server reads them (src/modules/collection-points/import-rows.ts), which
// also takes their English names. A download, not page text: the headers are the file format.
const HEADER = ['名称', '地址', '区划代码', '纬度', '经度', '电话', '开放时间', '备注']

/** An empty CSV template with a byte-order mark, so that Excel opens it as UTF-8. */
export function templateUrl(): string {
  return URL.createObjectURL(new Blob([`\uFEFF${HEADER.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' }))
}
