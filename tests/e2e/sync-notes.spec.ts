import type { Annotation, SyncStatus } from '../../src/shared/model'
import { startCouchServer } from '../support/couch-server'
import { LibraryApi } from '../support/pages/LibraryApi'
import { SorotApp } from '../support/pages/SorotApp'
import { startServe } from '../support/serve'
import { expect, servePerTest, test } from '../support/test'

// Two devices through the real sync path: two `sorot serve` processes over two data dirs, each
// with live sync to one local pouchdb-server. The reader of the first sees a note's two versions
// and keeps one, and sees who made each annotation of a team library.
const served = servePerTest()

const TEXT = 'Banjir rob di pesisir\n\nAir laut menggenangi permukiman warga di pesisir utara.'

async function storedNote(api: LibraryApi, articleId: string): Promise<Annotation> {
  const [note] = await api.call<Annotation[]>('annotations.list', { articleId })
  return note as Annotation
}

test.describe('Two versions of a note, in Indonesian', () => {
  test.use({ locale: 'id-ID' })

  test('shows both texts after a sync, keeps the one chosen, and Undo brings both back', async ({
    page,
    locale
  }) => {
    test.setTimeout(180_000)
    const { reader, api } = new SorotApp(page, served(), locale)
    const couch = await startCouchServer()
    const otherServed = await startServe()
    const other = new LibraryApi(otherServed)
    const remote = { url: couch.url, database: 'catatan' }
    const status = (of: LibraryApi): Promise<SyncStatus> => of.call<SyncStatus>('sync.status', {})
    try {
      const articleId = await api.importText(TEXT)
      const mark = await api.highlight(articleId, 'Air laut', { note: 'awal' })
      await api.call('sync.start', remote)
      await expect
        .poll(async () => (await status(api)).indicator.state, { timeout: 60_000 })
        .toBe('synced')
      await api.call('sync.pause', {})
      await api.call('annotations.update', { articleId, id: mark.id, note: 'dari kantor' })

      // The other device gets the note as it was, then changes it; its live sync sends that.
      await other.call('sync.start', remote)
      let otherId = ''
      await expect
        .poll(async () => (otherId = (await other.articles())[0]?.id ?? ''), { timeout: 60_000 })
        .not.toBe('')
      await expect
        .poll(async () => (await storedNote(other, otherId))?.note, { timeout: 60_000 })
        .toBe('awal')
      const editedAt = new Date().toISOString()
      await other.call('annotations.update', {
        articleId: otherId,
        id: mark.id,
        note: 'dari rumah'
      })
      await expect
        .poll(
          async () =>
            (await status(other)).log.some((entry) => entry.at > editedAt && entry.pushed > 0),
          { timeout: 60_000 }
        )
        .toBe(true)

      await api.call('sync.resume', {})
      await expect
        .poll(async () => (await storedNote(api, articleId)).otherNotes?.length ?? 0, {
          timeout: 60_000
        })
        .toBe(1)

      await reader.goto(articleId)
      const item = reader.annotations.item('Air laut')
      await expect(item.noteVersions).toBeVisible()
      await expect(item.noteVersions).toContainText('Dua versi catatan ini')
      await expect(item.noteVersions.getByRole('listitem')).toHaveText([
        /dari (kantor|rumah)/,
        /dari (kantor|rumah)/
      ])
      const first = (await item.noteVersions.getByRole('listitem').first().innerText()).trim()
      const keep = first.startsWith('dari rumah') ? 1 : 2
      await item.keepVersion(keep)

      await expect(item.noteVersions).toHaveCount(0)
      await expect(item.note).toHaveText('dari rumah')
      const chosen = await storedNote(api, articleId)
      expect(chosen.note).toBe('dari rumah')
      expect(chosen.otherNotes).toBeUndefined()

      // Choosing is an edit like any other: Ctrl+Z puts both texts back.
      await reader.shortcut('Control+z')
      await expect(item.noteVersions).toBeVisible()
      await expect(item.noteVersions).toContainText('dari kantor')
      await expect(item.noteVersions).toContainText('dari rumah')
      const undone = await storedNote(api, articleId)
      expect([undone.note, ...(undone.otherNotes ?? [])].sort()).toEqual([
        'dari kantor',
        'dari rumah'
      ])
    } finally {
      await otherServed.stop()
      await couch.stop()
    }
  })
})

test.describe('Authors in a team library, in English', () => {
  test.use({ locale: 'en-US' })

  test('each annotation shows who made it, and the panel shows one author on request', async ({
    page,
    locale
  }) => {
    test.setTimeout(180_000)
    const { reader, api } = new SorotApp(page, served(), locale)
    const couch = await startCouchServer()
    const otherServed = await startServe()
    const other = new LibraryApi(otherServed)
    const remote = { url: couch.url, database: 'tim' }
    try {
      const articleId = await api.importText(TEXT)
      await api.highlight(articleId, 'Air laut', { note: 'catatan Sari' })
      await api.call('sync.start', { ...remote, author: 'Sari' })
      await other.call('sync.start', { ...remote, author: 'Budi' })
      let otherId = ''
      await expect
        .poll(async () => (otherId = (await other.articles())[0]?.id ?? ''), { timeout: 60_000 })
        .not.toBe('')
      await other.highlight(otherId, 'pesisir utara', { note: 'catatan Budi' })
      await expect
        .poll(
          async () => (await api.call<Annotation[]>('annotations.list', { articleId })).length,
          {
            timeout: 60_000
          }
        )
        .toBe(2)

      await reader.goto(articleId)
      const panel = reader.annotations
      await expect(panel.item('Air laut').author).toHaveText('by Sari')
      await expect(panel.item('pesisir utara').author).toHaveText('by Budi')
      await panel.authorFilter.selectOption('Budi')
      await expect(panel.items).toHaveCount(1)
      await expect(panel.items.first()).toContainText('catatan Budi')
      await panel.authorFilter.selectOption({ label: 'everyone' })
      await expect(panel.items).toHaveCount(2)
    } finally {
      await otherServed.stop()
      await couch.stop()
    }
  })
})
