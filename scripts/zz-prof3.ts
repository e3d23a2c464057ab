import { extractHtml } from '../src/main/core/import/html'
import { nestedLists, unclosedLists } from '../tests/support/hostile-pages'
try { extractHtml('<p>' + 'kata '.repeat(50) + '</p>', 'w') } catch {}
const n = Number(process.env.N)
const html = process.env.K === 'u' ? unclosedLists(n) : nestedLists(n)
const t = performance.now()
try { extractHtml(html, 'x') } catch (e) { console.log((e as Error).message) }
console.log('extract', n, performance.now() - t)
