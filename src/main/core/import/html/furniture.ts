import { classAttribute } from '../html-metadata'

/*
 * Junk removal before Readability serves the extraction, not security: it takes out page
 * furniture and widgets (navigation, share bars, comments, related links) that are harmless but
 * are not the article.
 */

/** Page furniture by element: never the article, so never left for Readability to weigh. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'figure', 'figcaption', 'dialog'])

/**
 * Elements of the body that hold no text, taken out before Readability: the sanitiser would drop
 * them anyway, and a page's images, scripts and embeds are much of what Readability and
 * the parsers would otherwise walk. (Not a security measure: sanitize.ts is.)
 */
const UNREAD_TAGS = new Set(
  'script style noscript template iframe object embed img picture source link meta'.split(' ')
)

/** Class and id words that name widgets around an article rather than the article. */
const JUNK_WORDS = new Set(
  (
    'comment comments komentar disqus share sharing social sosmed related terkait newsletter ' +
    'subscribe advertisement advert ads ad iklan banner promo breadcrumb breadcrumbs sidebar ' +
    'popular terpopuler populer recommendation rekomendasi cookie cookies popup modal navbar ' +
    'navigation menu footer trending tags tag twitter tweet instagram tiktok outbrain taboola ' +
    'popin mgid'
  ).split(' ')
)

/**
 * Ad widgets' numbered ids ("ScriptRootC123456", "mgid_789") and the boxes of other headlines
 * ("baca-juga", "bacajuga__list", "read-also"): matched by how they start, separators dropped.
 */
const JUNK_PREFIXES = ['scriptrootc', 'mgid', 'bacajuga', 'bacapula', 'lihatjuga', 'readalso']

/** Landmark roles of page furniture around an article (navigation, site header and footer). */
const JUNK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search'])

/** Inline elements an outlet's own body container keeps, whatever their class says. */
const INLINE = new Set('a span strong b i em u small sup sub mark abbr time'.split(' '))

/** Removes page furniture, widgets and hidden parts, never the element holding the headline. */
export function removeJunk(document: Document): void {
  // The head stays: Readability reads its meta tags too.
  removeJunkUnder(document.body, false)
}

/**
 * Removes the junk under `root` (not `root` itself); the walk does not enter what it removes.
 * Inside an outlet rule's body, inline elements stay: a linked word is part of its sentence.
 */
export function removeJunkUnder(root: Element, keepInline: boolean): void {
  const stack: Element[] = Array.from(root.children).reverse()
  while (stack.length > 0) {
    const el = stack.pop() as Element
    const tag = el.nodeName.toLowerCase()
    if (tag !== 'main' && !(keepInline && INLINE.has(tag))) {
      if (FURNITURE_TAGS.has(tag) || UNREAD_TAGS.has(tag)) {
        el.remove()
        continue
      }
      if (isJunk(el, tag) && !el.querySelector('h1, [itemprop="articleBody"]')) {
        el.remove()
        continue
      }
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling)
      stack.push(child)
  }
}

function isJunk(el: Element, tag: string): boolean {
  if (tag === 'header') return true
  const role = el.getAttribute('role')
  if (role && JUNK_ROLES.has(role.toLowerCase())) return true
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? ''))
    return true
  const names = `${classAttribute(el)} ${el.getAttribute('id') ?? ''}`.toLowerCase()
  if (!names.trim()) return false
  return names.split(/\s+/).some((word) => {
    if (JUNK_WORDS.has(word)) return true
    const parts = word.split(/[-_]+/)
    const joined = parts.join('')
    return (
      parts.some((part) => JUNK_WORDS.has(part)) ||
      JUNK_PREFIXES.some((prefix) => joined.startsWith(prefix))
    )
  })
}
