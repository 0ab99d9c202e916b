import { api } from '../../api/client.ts'
import type {
  ApiKeyCreate,
  ApiKeyCreated,
  ApiKeyView,
  DivisionView,
  LoginRequest,
  LoginResult,
  MeView,
  PasswordChange,
  SessionView,
  TotpSetupView,
  UnitCreate,
  UnitView,
  UserCreate,
  UserListQuery,
  UserUpdate,
  UserView,
} from '../../../../src/modules/identity/schema.ts'

export type {
  ApiKeyCreate,
  ApiKeyView,
  DivisionView,
  MeView,
  Role,
  SessionView,
  UnitCreate,
  UnitLevel,
  UnitType,
  UnitView,
  UserCreate,
  UserUpdate,
  UserView,
} from '../../../../src/modules/identity/schema.ts'

export const login = (body: LoginRequest) => api.post<LoginResult>('/api/auth/login', body)
export const logout = () => api.post<void>('/api/auth/logout')
export const getMe = () => api.get<MeView>('/api/auth/me')
export const listSessions = () => api.get<SessionView[]>('/api/auth/sessions')
export const revokeSession = (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`)
export const changePassword = (body: PasswordChange) => api.post<void>('/api/auth/password', body)
export const setupTotp = () => api.post<TotpSetupView>('/api/auth/totp/setup')
export const enableTotp = (code: string) => api.post<void>('/api/auth/totp/enable', { code })
export const disableTotp = (password: string) => api.post<void>('/api/auth/totp/disable', { password })

export const listDivisions = (parent: string) => api.get<DivisionView[]>('/api/divisions', { parent })

export const listUnits = () => api.get<UnitView[]>('/api/units')
export const createUnit = (body: UnitCreate) => api.post<UnitView>('/api/units', body)

export const listUsers = (query: UserListQuery = {}) => api.get<UserView[]>('/api/users', query)
export const createUser = (body: UserCreate) => api.post<UserView>('/api/users', body)
export const updateUser = (id: string, body: UserUpdate) => api.patch<UserView>(`/api/users/${id}`, body)
export const unlockUser = (id: string) => api.post<UserView>(`/api/users/${id}/unlock`)

export const listApiKeys = () => api.get<ApiKeyView[]>('/api/api-keys')
export const createApiKey = (body: ApiKeyCreate) => api.post<ApiKeyCreated>('/api/api-keys', body)
export const revokeApiKey = (id: string) => api.delete(`/api/api-keys/${id}`)
