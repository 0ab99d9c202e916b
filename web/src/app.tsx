import { BrowserRouter } from 'react-router'
import { LocaleProvider } from './locale-provider.tsx'
import { AuthProvider } from './auth/auth-context.tsx'
import { AppRoutes } from './routes.tsx'

export function App() {
  return (
    <LocaleProvider>
      <BrowserRouter>
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </BrowserRouter>
    </LocaleProvider>
  )
}
