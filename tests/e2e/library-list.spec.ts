import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US' })

test('sorts, filters by tag, tags several articles and moves them to the trash', async ({
  page,
  locale
}) => {
  const { library } = new SorotApp(page, served(), locale)
  const { filters, selection } = library
  await library.goto()
  await library.imports.paste('Banjir di Kemang\n\nHujan deras membuat banjir.')
  await library.imports.paste('Anggaran Desa Naik\n\nPemerintah menaikkan anggaran desa.')
  await library.imports.paste('Cuaca Cerah di Bali\n\nWisatawan menikmati pantai.')
  await expect(library.row(/Cuaca Cerah di Bali/)).toBeVisible()

  // Newest import first, then by title. Polled: the list answer after the third paste may come
  // before the one that has the second (library-converges.spec.ts pins that it converges).
  await expect
    .poll(() => library.rowTitles())
    .toEqual(['Cuaca Cerah di Bali', 'Anggaran Desa Naik', 'Banjir di Kemang'])
  await filters.sort('Title')
  await expect
    .poll(() => library.rowTitles())
    .toEqual(['Anggaran Desa Naik', 'Banjir di Kemang', 'Cuaca Cerah di Bali'])

  // Tag two articles at once.
  await library.checkbox('Banjir di Kemang').check()
  await library.checkbox('Cuaca Cerah di Bali').check()
  await expect(selection.selected(2)).toBeVisible()
  await selection.addTag('cuaca')
  const banjir = library.row(/Banjir di Kemang/)
  await expect(banjir).toContainText('cuaca')

  await filters.tag.selectOption('cuaca')
  await expect.poll(() => library.rowTitles()).toEqual(['Banjir di Kemang', 'Cuaca Cerah di Bali'])

  // Rename the tag.
  await filters.tag.selectOption('')
  await library.tags.open(1)
  await library.tags.rename('cuaca', 'alam')
  await expect(banjir).toContainText('alam')

  // Move both to the trash.
  await selection.moveToTrash(2)
  await expect.poll(() => library.rowTitles()).toEqual(['Anggaran Desa Naik'])
  await expect(library.count(1)).toBeVisible()
})
