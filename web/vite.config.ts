import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const root = fileURLToPath(new URL('.', import.meta.url))

// Vendor code in long-lived chunks, so that a console release re-downloads only the app's own code. antd alone
// is about 1 MB minified: it is cut into its styling core, its data-heavy widgets (tables, pickers, trees)
// and the rest, which keeps every chunk under Vite's 500 kB warning.
const NM = String.raw`[\\/]node_modules[\\/]`
const DATA = new RegExp(
  `${NM}(antd[\\/]es[\\/](table|cascader|date-picker|time-picker|calendar|tree|tree-select|descriptions|pagination|popconfirm|checkbox|radio)|` +
    `@rc-component[\\/](table|cascader|picker|tree|tree-select|pagination|checkbox|virtual-list))[\\/]`,
)
const CORE = new RegExp(
  `${NM}(antd[\\/]es[\\/](_util|config-provider|theme|style|locale|app|version)|@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|` +
    `@rc-component[\\/](util|motion|resize-observer|portal|context|mutate-observer)|@emotion|stylis|@babel[\\/]runtime)[\\/]`,
)
const ANTD = new RegExp(`${NM}(antd|@ant-design|@rc-component|rc-[^\\/]+|classnames|clsx)[\\/]`)
const REACT = new RegExp(`${NM}(react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]`)
const ICONS = new RegExp(`${NM}@ant-design[\\/]icons(-svg)?[\\/]`)
// Only the alert console draws maps: Leaflet stays in its own chunk, loaded with that page.
const LEAFLET = new RegExp(`${NM}leaflet[\\/]`)
const VENDOR = new RegExp(NM)

// Earlier groups claim first; a group also takes the dependencies of what it claims, hence this order.
const CHUNKS: { name: string; test: (id: string) => boolean }[] = [
  { name: 'react', test: (id) => REACT.test(id) },
  { name: 'antd-icons', test: (id) => ICONS.test(id) },
  { name: 'antd-core', test: (id) => CORE.test(id) },
  { name: 'antd', test: (id) => ANTD.test(id) && !DATA.test(id) },
  { name: 'antd-data', test: (id) => DATA.test(id) },
  { name: 'leaflet', test: (id) => LEAFLET.test(id) },
  { name: 'vendor', test: (id) => VENDOR.test(id) },
]

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: CHUNKS.map((chunk, i) => ({ name: chunk.name, test: chunk.test, priority: CHUNKS.length - i })),
        },
      },
    },
  },
  server: {
    port: 5173,
    // TUANYUAN_API points the dev console at another server, e.g. one started on a spare port.
    proxy: { '/api': { target: process.env.TUANYUAN_API || 'http://localhost:8080', changeOrigin: false } },
  },
})
