import { describe, expect, it } from 'vitest';
import { atomFeed, tagUri, xmlText } from './atom.ts';
import { mayRead } from './visibility.ts';

const feed = (entries: Parameters<typeof atomFeed>[0]['entries']) =>
  atomFeed({
    id: 'tag:coop.example,2026:news',
    title: 'News & notes',
    self: 'https://coop.example/feeds/news.atom',
    alternate: 'https://coop.example/news',
    author: 'The network',
    fallbackUpdated: '2026-01-01T00:00:00.000Z',
    entries,
  });

describe('an Atom feed', () => {
  it('has the elements RFC 4287 requires, and is updated when its newest entry was', () => {
    const xml = feed([
      {
        id: tagUri('coop.example', '2026-12-01', 'news/1'),
        title: 'A',
        link: 'https://coop.example/news/1',
        published: '2026-12-01T10:00:00.000Z',
        updated: '2026-12-03T10:00:00.000Z',
        summary: 's',
      },
      {
        id: 'urn:uuid:2',
        title: 'B',
        link: 'https://coop.example/news/2',
        published: '2026-12-02T10:00:00.000Z',
        updated: '2026-12-02T10:00:00.000Z',
        summary: 's',
      },
    ]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<updated>2026-12-03T10:00:00.000Z</updated>\n  <author>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://coop.example/feeds/news.atom"/>');
    expect(xml).toContain('<id>tag:coop.example,2026-12-01:news/1</id>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  it('is updated at the fallback time when empty', () => {
    expect(feed([])).toContain('<updated>2026-01-01T00:00:00.000Z</updated>');
  });

  it('escapes markup and drops characters XML may not hold', () => {
    const xml = feed([
      {
        id: 'urn:uuid:3',
        title: '<script>alert(1)</script>',
        link: 'https://coop.example/news/3?a=1&b=2',
        published: '2026-12-01T10:00:00.000Z',
        updated: '2026-12-01T10:00:00.000Z',
        summary: 'a\u0001b "q"',
        contentHtml: '<p>Hi &amp; bye</p>',
      },
    ]);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('href="https://coop.example/news/3?a=1&amp;b=2"');
    expect(xml).toContain('<summary type="text">ab &quot;q&quot;</summary>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;</content>');
    expect(xmlText('News & notes')).toBe('News &amp; notes');
  });

  it('members-only posts are for members', () => {
    expect(mayRead('public', false)).toBe(true);
    expect(mayRead('members', false)).toBe(false);
    expect(mayRead('members', true)).toBe(true);
  });
});
