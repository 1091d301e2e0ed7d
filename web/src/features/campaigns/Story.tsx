import './story.css';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';
import { Typography } from '@mantine/core';

/** The only addresses a story's links and images may have: web, mail, this site, the page itself. */
const SAFE_URI = /^(?:https?:|mailto:|\/|#)/i;

/**
 * A campaign's story, written in Markdown: turned into HTML by `marked`, then
 * cleaned by DOMPurify (scripts, event handlers, `javascript:`/`data:` links,
 * raw HTML it does not allow, SVG and MathML all removed) before it is shown.
 */
export function safeStoryHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const clean = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: SAFE_URI,
    RETURN_DOM_FRAGMENT: true,
  });
  // DOMPurify lets images keep data: addresses whatever ALLOWED_URI_REGEXP says: drop them too.
  for (const el of Array.from(clean.querySelectorAll('[src], [href]')))
    for (const name of ['src', 'href'])
      if (el.hasAttribute(name) && !SAFE_URI.test(el.getAttribute(name)!)) el.removeAttribute(name);
  // An image written as raw HTML without a text alternative is taken as decoration, so screen readers skip it.
  for (const img of Array.from(clean.querySelectorAll('img:not([alt])'))) img.setAttribute('alt', '');
  const box = document.createElement('div');
  box.append(clean);
  return box.innerHTML;
}

export function Story({ markdown }: { markdown: string }) {
  const html = useMemo(() => safeStoryHtml(markdown), [markdown]);
  // The only raw HTML in the app: the sanitizer's output, never the author's text.
  return (
    <Typography>
      <div className="campaign-story" data-testid="campaign-story" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
