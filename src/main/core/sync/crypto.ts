import { webcrypto } from 'node:crypto'
import { SorotFailure } from '../../../shared/result'

/**
 * Optional end-to-end encryption: a body leaves the device as AES-GCM ciphertext under a key
 * derived from the passphrase with PBKDF2, so the server holds only ids, revisions and `enc`.
 */
const ITERATIONS = 210_000
const CHECK_TEXT = 'sorot-sync-passphrase-check'

export interface Cipher {
  encrypt(body: object): Promise<{ enc: string }>
  decrypt(id: string, doc: Record<string, unknown>): Promise<Record<string, unknown>>
}

async function keyOf(passphrase: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey']
  )
  return webcrypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt']
  )
}

async function seal(key: CryptoKey, text: string): Promise<string> {
  const iv = webcrypto.getRandomValues(new Uint8Array(12))
  const sealed = await webcrypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(text)
  )
  return Buffer.concat([iv, new Uint8Array(sealed)]).toString('base64')
}

async function open(key: CryptoKey, enc: string): Promise<string | null> {
  const bytes = Buffer.from(enc, 'base64')
  try {
    const plain = await webcrypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12) },
      key,
      bytes.subarray(12)
    )
    return new TextDecoder().decode(plain)
  } catch {
    return null
  }
}

/** The `sorot:crypto` document: the salt and a check value that tells a wrong passphrase. */
export interface CryptoDoc {
  salt: string
  check: string
}

export async function newCryptoDoc(
  passphrase: string
): Promise<{ doc: CryptoDoc; cipher: Cipher }> {
  const salt = webcrypto.getRandomValues(new Uint8Array(16))
  const key = await keyOf(passphrase, salt)
  const doc = { salt: Buffer.from(salt).toString('base64'), check: await seal(key, CHECK_TEXT) }
  return { doc, cipher: cipherOf(key) }
}

/** The cipher of an encrypted database, or a clear failure when the passphrase is wrong. */
export async function openCipher(passphrase: string, doc: CryptoDoc): Promise<Cipher> {
  const key = await keyOf(passphrase, Buffer.from(doc.salt, 'base64'))
  if ((await open(key, doc.check)) !== CHECK_TEXT)
    throw new SorotFailure(
      'bad_input',
      'Wrong passphrase: this library on the server was encrypted with another one'
    )
  return cipherOf(key)
}

function cipherOf(key: CryptoKey): Cipher {
  return {
    encrypt: async (body) => ({ enc: await seal(key, JSON.stringify(body)) }),
    decrypt: async (id, doc) => {
      if (typeof doc.enc !== 'string')
        throw new SorotFailure(
          'bad_input',
          `The server sent document ${id} unencrypted in an encrypted library`
        )
      const text = await open(key, doc.enc)
      if (text === null)
        throw new SorotFailure('bad_input', `Document ${id} on the server cannot be decrypted`)
      return JSON.parse(text) as Record<string, unknown>
    }
  }
}
