import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';
import { Typography } from '@mantine/core';

/**
 * A campaign's story, written in Markdown: turned into HTML by `marked`, then
 * cleaned by DOMPurify (scripts, event handlers, `javascript:`/`data:` links,
 * raw HTML it does not allow, SVG and MathML all removed) before it is shown.
 */
export function safeStoryHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#)/i,
  });
}

export function Story({ markdown }: { markdown: string }) {
  const html = useMemo(() => safeStoryHtml(markdown), [markdown]);
  // The only raw HTML in the app: the sanitizer's output, never the author's text.
  return (
    <Typography>
      <div data-testid="campaign-story" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
