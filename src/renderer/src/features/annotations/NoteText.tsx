import type { ReactElement, ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'

const isWebLink = (href: string | undefined): href is string =>
  typeof href === 'string' && /^https?:\/\//i.test(href)

/** Web links open outside the app (the window policy sends them to the OS browser). */
function SafeLink({ href, children }: { href?: string; children?: ReactNode }): ReactElement {
  if (!isWebLink(href)) return <span className="note-link-text">{children}</span>
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  )
}

/** Images are never fetched: their text alternative stands in for them. */
function ImageAsText({ alt }: { alt?: string }): ReactElement {
  return <span className="note-image-text">{alt}</span>
}

const components: Components = { a: SafeLink, img: ImageAsText }

/** A Markdown note rendered safely: no raw HTML, no images, only http(s) links. */
export function NoteText({ note }: { note: string }): ReactElement {
  return (
    <div className="note-text">
      <Markdown skipHtml components={components}>
        {note}
      </Markdown>
    </div>
  )
}
