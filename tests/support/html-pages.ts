import { readFile } from 'node:fs/promises'
import path from 'node:path'

const HTML = path.resolve(__dirname, '../fixtures/html')
export const KOMPAS = path.join(HTML, 'kompas-banjir-kemang.html')
export const DETIK = path.join(HTML, 'detik-persib-port.html')
export const NO_ARTICLE = path.join(HTML, 'no-article.html')

export const read = (file: string): Promise<string> => readFile(file, 'utf8')

/** The page's markup, code, embeds and furniture: never anywhere in a draft. */
export const FORBIDDEN = [
  '<',
  '>',
  'javascript:',
  'onerror',
  'onclick',
  'onload',
  'style',
  'color: red',
  'iframe',
  'youtube',
  'evil.example',
  'tracker',
  'dataLayer',
  'stealCookies',
  'document.cookie',
  'document.write',
  'Iklan tersisip',
  'Video tidak dapat diputar',
  'Alamat email',
  'Dapatkan berita pilihan',
  'Tulis komentar',
  'Kirim',
  'Cari berita',
  'Masuk',
  'Megapolitan',
  'Facebook',
  'WhatsApp',
  'Terpopuler',
  'Harga Emas',
  'Budi',
  'Drainase',
  'Copyright',
  'Kebijakan Data Pribadi',
  'Warga melintasi banjir',
  'ADVERTISEMENT'
]
/** News junk: taken out of the text, kept only in the list of removals. */
export const JUNK = ['[iklan_1]', 'Baca juga']
