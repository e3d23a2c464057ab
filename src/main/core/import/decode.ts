import iconv from 'iconv-lite'
import { SorotFailure } from '../../../shared/result'
import { MAX_IMPORT_BYTES } from '../../../shared/contract'

/** Magic numbers of formats that are never articles, with the name a reader knows them by. */
const binarySignatures: Array<{ bytes: number[]; kind: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], kind: 'a RIFF media file (WebP, WAV, AVI)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (or Office document)' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'a 7-Zip archive' },
  { bytes: [0x4d, 0x5a], kind: 'a Windows program' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a Linux program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: 'a macOS program' },
  { bytes: [0x00, 0x00, 0x01, 0x00], kind: 'an icon image' }
]

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte)

/** The refusal of an input over the size limit, naming it. */
export function tooLarge(name: string, size: number): SorotFailure {
  const mb = (size / 1024 / 1024).toFixed(1)
  return new SorotFailure(
    'too_large',
    `${name} is ${mb} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`
  )
}

/** Unifies line ends and composes characters, so the same text always has the same bytes. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC')
}

/**
 * Bytes → text: UTF-8 (BOM or not), UTF-16 LE/BE with BOM; else the legacy encoding an HTML
 * page declares (`<meta charset>`, `http-equiv`) when the bytes are not valid UTF-8, else
 * Windows-1252. Binary input (known signatures, NUL bytes) and oversized input are refused
 * with a message naming `name`.
 */
export function decodeBytes(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(name, bytes.length)
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return normalizeText(utf8(bytes.subarray(3), name))
  if (startsWith(bytes, [0xff, 0xfe]))
    return normalizeText(new TextDecoder('utf-16le').decode(bytes.subarray(2)))
  if (startsWith(bytes, [0xfe, 0xff]))
    return normalizeText(new TextDecoder('utf-16be').decode(bytes.subarray(2)))
  const signature = binarySignatures.find((s) => startsWith(bytes, s.bytes))
  if (signature)
    throw new SorotFailure('unreadable', `${name} is ${signature.kind}, not an article`)
  if (bytes.includes(0))
    throw new SorotFailure(
      'unreadable',
      `${name} is a binary file (it holds NUL bytes), not an article`
    )
  try {
    // Valid UTF-8 wins over a declaration: pages re-saved as UTF-8 keep their old meta tag.
    return normalizeText(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return normalizeText(iconv.decode(Buffer.from(bytes), declaredEncoding(bytes) ?? LEGACY))
  }
}

/** What text that is not UTF-8 most likely is (and what WHATWG reads latin1 labels as). */
const LEGACY = 'windows-1252'

/** Labels that WHATWG decodes as Windows-1252 (Node's decoder would read them as ISO-8859-1). */
const WINDOWS_1252_LABELS = new Set(
  'ascii us-ascii iso-8859-1 iso8859-1 iso_8859-1 latin1 l1 cp819 ibm819 cp1252 x-cp1252'.split(' ')
)

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i

/**
 * The legacy encoding an HTML page declares in its first 1024 bytes (the WHATWG prescan
 * window), when iconv-lite knows it; null for none, UTF-8 or UTF-16 (the bytes disagree).
 */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const label = head.match(META_CHARSET)?.[1]?.toLowerCase()
  if (!label || /^(?:utf-?8|utf-?16)/.test(label)) return null
  if (WINDOWS_1252_LABELS.has(label)) return LEGACY
  return iconv.encodingExists(label) ? label : null
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new SorotFailure('unreadable', `${name} says it is UTF-8 but holds invalid bytes`)
  }
}
