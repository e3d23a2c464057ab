import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ANNOTATION_COLORS, drawnColor } from '@shared/annotations'
import type { TagInfo } from '@shared/model'
import { api } from '@renderer/api'
import { Label } from '@renderer/components/Gloss'

/** The library's tags: rename one (on every article) or give it a colour. */
export function TagsPanel({ tags }: { tags: readonly TagInfo[] }): ReactElement | null {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  if (tags.length === 0) return null
  const change = async (
    tag: string,
    input: { to?: string; color?: string | null }
  ): Promise<void> => {
    const result = await api.call('tags.rename', {
      name: tag,
      ...input,
      color: input.color as (typeof ANNOTATION_COLORS)[number] | null | undefined
    })
    setError(result.ok ? null : result.error.message)
  }
  const rename = (event: FormEvent, tag: string): void => {
    event.preventDefault()
    setEditing(null)
    if (name.trim() && name.trim() !== tag) void change(tag, { to: name.trim() })
  }
  return (
    <details className="tags-panel">
      <summary>{t('library.tags.title', { count: tags.length })}</summary>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {tags.map((tag) => (
          <li key={tag.name}>
            <span className={`tag-chip tag-${tag.color ? drawnColor(tag.color) : 'none'}`}>
              {tag.name}
            </span>
            <span className="muted">{t('library.tags.count', { count: tag.count })}</span>
            <label className="field">
              <span className="visually-hidden">{t('library.tags.color', { tag: tag.name })}</span>
              <select
                value={tag.color ?? ''}
                onChange={(e) => void change(tag.name, { color: e.target.value || null })}
              >
                <option value="">{t('library.tags.noColor')}</option>
                {ANNOTATION_COLORS.map((color) => (
                  <option key={color} value={color}>
                    {t(`library.tags.colors.${color}`)}
                  </option>
                ))}
              </select>
            </label>
            {editing === tag.name ? (
              <form onSubmit={(e) => rename(e, tag.name)}>
                <label className="field">
                  <span className="visually-hidden">
                    {t('library.tags.newName', { tag: tag.name })}
                  </span>
                  <input
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    maxLength={80}
                    autoFocus
                  />
                </label>
                <button type="submit" className="button">
                  <Label k="library.tags.save" />
                </button>
              </form>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setEditing(tag.name)
                  setName(tag.name)
                }}
              >
                {t('library.tags.rename', { tag: tag.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  )
}
