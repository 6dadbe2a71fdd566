// Registers the register tests share, shaped as GET /api/registers/{id} answers them.
import type { Register } from '../api/types'

// A roster kept by the date each volunteer joined.
export const volunteersRegister: Register = {
  id: 'volunteers',
  name: '志工名冊',
  description: '',
  owner_section: 'documents',
  time_basis: 'date',
  time_field: 'joined',
  end_field: '',
  record_count: 3,
  fields: [
    { id: 'name', name: '姓名', type: 'text', required: true, choices: [], description: '' },
    { id: 'joined', name: '加入日期', type: 'date', required: true, choices: [], description: '' },
  ],
}

// The shipped plan's trainings register, empty, with its first two fields.
export const trainingsRegister: Register = {
  id: 'records_trainings',
  name: '文書及檔案管理研習',
  description: '',
  owner_section: 'documents',
  time_basis: 'date',
  time_field: 'held_on',
  end_field: '',
  record_count: 0,
  fields: [
    { id: 'held_on', name: '日期', type: 'date', required: true, choices: [], description: '' },
    { id: 'title', name: '研習名稱', type: 'text', required: true, choices: [], description: '' },
  ],
}
