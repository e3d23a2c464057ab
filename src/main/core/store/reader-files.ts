import type { SpeakersFile } from '../../../shared/model'
import {
  SCHEMA_VERSION,
  settingsFileSchema,
  speakersFileSchema,
  type SettingsFile
} from './schemas'

/** settings.json: its kind, schema and what a new library starts with. */
export const SETTINGS_FILE = {
  kind: 'settings',
  schema: settingsFileSchema,
  defaults: (): SettingsFile => ({ schemaVersion: SCHEMA_VERSION, language: null, theme: 'system' })
} as const

/** speakers.json: the reader's speaker identities and corrections, none in a new library. */
export const SPEAKERS_FILE = {
  kind: 'speakers',
  schema: speakersFileSchema,
  defaults: (): SpeakersFile => ({
    schemaVersion: SCHEMA_VERSION,
    identities: [],
    separate: [],
    corrections: []
  })
} as const
