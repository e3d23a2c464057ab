import { useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation, ArticleDetail, ArticleQuotation } from '@shared/model'
import { AnnotationPanel } from '@renderer/features/annotations/AnnotationPanel'
import type { ItemActions } from '@renderer/features/annotations/AnnotationItem'
import { QuotesPanel } from '@renderer/features/quotes/QuotesPanel'
import type { Editing } from './use-annotation-actions'

interface Props {
  article: ArticleDetail
  annotations: Annotation[]
  activeId: string | null
  editing: Editing | null
  choices: string[]
  canReattach: boolean
  actions: ItemActions
  onSaveArticleNote: (text: string) => Promise<void>
  onOpenTrash: () => void
  onJumpToQuotation: (quotation: ArticleQuotation) => void
  onSaveQuotation: (quotation: ArticleQuotation) => void
  focusAnnotation: (annotationId: string) => void
}

/** The column beside the article: the Annotations and Quotes tabs. */
export function ReaderPanels(props: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const [panelTab, setPanelTab] = useState<'annotations' | 'quotes'>('annotations')
  const panelRef = useRef<HTMLDivElement>(null)
  const { article, annotations, focusAnnotation } = props

  const showSaved = (annotationId: string): void => {
    setPanelTab('annotations')
    // After the Annotations tab is drawn, so its row can be scrolled to.
    requestAnimationFrame(() => focusAnnotation(annotationId))
  }

  return (
    <div lang={i18n.language} className="panel-column" ref={panelRef}>
      <div className="panel-tabs" role="tablist" aria-label={t('quotes.tabsLabel')}>
        {(['annotations', 'quotes'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`panel-tab-${tab}`}
            aria-selected={panelTab === tab}
            // Only the shown panel exists: a reference to a missing id is invalid ARIA.
            aria-controls={panelTab === tab ? `panel-${tab}` : undefined}
            onClick={() => setPanelTab(tab)}
          >
            {t(tab === 'annotations' ? 'quotes.annotationsTab' : 'quotes.quotesTab')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${panelTab}`} aria-labelledby={`panel-tab-${panelTab}`}>
        {panelTab === 'annotations' ? (
          <AnnotationPanel
            annotations={annotations}
            activeId={props.activeId}
            editing={props.editing}
            choices={props.choices}
            canReattach={props.canReattach}
            actions={props.actions}
            onSaveArticleNote={props.onSaveArticleNote}
            scrollRef={panelRef}
            onOpenTrash={props.onOpenTrash}
          />
        ) : (
          <QuotesPanel
            articleId={article.id}
            version={article.version}
            annotations={annotations}
            onJump={props.onJumpToQuotation}
            onSave={props.onSaveQuotation}
            onOpenSaved={showSaved}
          />
        )}
      </div>
    </div>
  )
}
