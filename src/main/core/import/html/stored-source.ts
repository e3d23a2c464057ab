/*
 * The source of an imported page is kept for re-extraction (a later, better extractor reads it
 * again), and nothing active may reach storage: scripts, handlers, frames, embeds, forms,
 * `javascript:` links and attributes that load remote content are taken out of the parsed page
 * before it is read or stored. What remains is what extraction reads (text, structure, class
 * names, meta tags), so the stored page gives the same article again. JSON-LD, which is data,
 * is kept as a meta tag: a `<script>` of any type is never stored.
 */

const COMMENT_NODE = 8

/** Elements removed with everything inside them. */
const ACTIVE = new Set(
  (
    'script noscript template iframe frame frameset object embed applet portal style base ' +
    'input button select textarea option optgroup datalist output keygen svg math canvas ' +
    'audio video source track'
  ).split(' ')
)

/** Links that only name something (the page's address, its author) and load nothing. */
const KEPT_LINKS = /^\s*(?:canonical|author|alternate)\s*$/i

/** Elements removed but whose children stay: some sites wrap the whole page in a form. */
const UNWRAPPED = new Set(['form'])

/** Attributes that make a browser fetch something or act. */
const LOADING = new Set(
  (
    'src srcset poster background lowsrc dynsrc data action formaction ping longdesc ' +
    'manifest codebase archive classid xlink:href srcdoc'
  ).split(' ')
)

/** URLs that run code or carry a document of their own, in any attribute. */
const ACTIVE_URL = /^\s*(?:javascript|vbscript|data|livescript)\s*:/i
const STYLE_LOADS = /url\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding/i

/** The meta name under which a page's JSON-LD is kept (html-metadata.ts reads it). */
export const JSON_LD_META = 'sorot:ld+json'

/** Removes everything active from a parsed page, in place (see the note above). */
export function sanitizePage(document: Document): void {
  const stack: Element[] = [document.documentElement]
  while (stack.length > 0) {
    const el = stack.pop() as Element
    const tag = el.localName
    if (
      tag === 'script' &&
      el.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json'
    ) {
      const meta = document.createElement('meta')
      meta.setAttribute('name', JSON_LD_META)
      meta.setAttribute('content', el.textContent ?? '')
      el.replaceWith(meta)
      continue
    }
    if (
      ACTIVE.has(tag) ||
      (tag === 'meta' && el.getAttribute('http-equiv') !== null) ||
      (tag === 'link' && !KEPT_LINKS.test(el.getAttribute('rel') ?? ''))
    ) {
      el.remove()
      continue
    }
    if (el.hasAttributes()) cleanAttributes(el)
    // Comments go too: old pages hide scripts in conditional comments.
    for (let node = el.firstChild, next: ChildNode | null; node; node = next) {
      next = node.nextSibling
      if (node.nodeType === COMMENT_NODE) node.remove()
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling)
      stack.push(child)
    if (UNWRAPPED.has(tag)) el.replaceWith(...Array.from(el.childNodes))
  }
}

// Names, then values: linkedom's `attributes` is a Proxy, many times slower to iterate.
function cleanAttributes(el: Element): void {
  for (const name of el.getAttributeNames()) {
    const value = el.getAttribute(name) ?? ''
    const lower = name.toLowerCase()
    if (
      lower.startsWith('on') ||
      LOADING.has(lower) ||
      ACTIVE_URL.test(value) ||
      value.includes('<') ||
      (lower === 'style' && STYLE_LOADS.test(value))
    )
      el.removeAttribute(name)
  }
}

/** The page as markup to store: its doctype (when it had one) and its root element. */
export function serializePage(document: Document): string {
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`
}
