import { readFileSync } from 'node:fs'
import { parseHTML } from 'linkedom'
const PAGES = '/work/wt-import-engine/tests/fixtures/pages/'
const labels = JSON.parse(readFileSync(PAGES + 'labels.json', 'utf8'))
const sq = (s: string) => s.replace(/\s+/g, '')
const desc = (el: Element) => `${el.localName}${el.id ? '#' + el.id : ''}${el.getAttribute('class') ? '.' + el.getAttribute('class')!.trim().split(/\s+/).join('.') : ''}`
for (const l of labels.filter((l: any) => l.split === 'dev')) {
  const { document } = parseHTML(readFileSync(PAGES + l.file, 'utf8'))
  for (const n of document.querySelectorAll('script,style,noscript')) n.remove()
  const first = sq(l.firstSentence).slice(0, 40), last = sq(l.lastSentence).slice(-40)
  let best: Element | null = null
  for (const el of document.querySelectorAll('body *')) {
    const t = sq(el.textContent ?? '')
    if (t.includes(first) && t.includes(last)) best = el
  }
  console.log('\n==', l.file, '| authors:', l.authors.join(';'))
  if (best) { const chain = []; for (let e: Element | null = best; e && e.localName !== 'body'; e = e.parentElement) chain.push(desc(e)); console.log(' body:', chain.slice(0, 4).join(' < ')) }
  for (const a of l.authors) {
    const hits = [...document.querySelectorAll('body *')].filter(el => sq(el.textContent ?? '').includes(sq(a)) && ![...el.children].some(c => sq(c.textContent ?? '').includes(sq(a))))
    for (const h of hits.slice(0, 3)) console.log(' author@', desc(h), '<', h.parentElement && desc(h.parentElement), JSON.stringify((h.textContent ?? '').trim().slice(0, 80)))
  }
  const title = document.querySelector('title')?.textContent
  console.log(' <title>', JSON.stringify(title?.trim()))
}
