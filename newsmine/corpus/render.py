"""Render annotated corpus articles as a small news website for the demo.

``python -m newsmine.corpus.render`` writes ``corpora/demo-site/``: article
pages wrapped in the boilerplate real news sites carry (navigation, cookie
banner, ad slots, related links, newsletter box, comments, footer) with
JSON-LD, OpenGraph and meta tags, plus an index, an RSS feed, a sitemap, a
robots.txt that disallows ``/private/`` (one article lives there) and one
broken page, so a demo ingest shows extraction, a robots skip and a one-line
failure. Every link, feed item and sitemap entry is a root-relative path
("/news/..."): the site works on whatever host and port the demo server gets,
and readers resolve the paths against the URL they fetched (see the README).
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

from newsmine.corpus import GoldArticle, default_root, load

SITE = "Blockwire Daily"
COUNT = 9  # articles rendered (one of them under /private/)
PRIVATE = "/private/"
BROKEN = "/news/2024/01/01/page-under-maintenance.html"
GENERATED = ("news", "private", "index.html", "feed.xml", "sitemap.xml", "robots.txt")


def pick(articles: list[GoldArticle], count: int = COUNT) -> list[GoldArticle]:
    """Train-split articles first, one per genre before repeats, in id order."""
    pool = sorted(articles, key=lambda a: (a.split != "train", a.id))
    chosen, genres = [], set()
    for article in pool:
        if article.genre not in genres:
            chosen.append(article)
            genres.add(article.genre)
    chosen += [a for a in pool if a not in chosen]
    return sorted(chosen[:count], key=lambda a: a.id)


def path_of(article: GoldArticle, private: bool = False) -> str:
    """Root-relative URL path: /news/YYYY/MM/DD/<slug>.html (or under /private/)."""
    day = _published(article).strftime("%Y/%m/%d")
    slug = str(article.meta.get("url") or article.id).rstrip("/").rsplit("/", 1)[-1] or article.id
    return f"{PRIVATE if private else '/news/'}{day}/{slug}.html"


def _published(article: GoldArticle) -> datetime:
    return datetime.fromisoformat(str(article.meta["published"]))


def json_ld(article: GoldArticle, path: str, variant: int) -> str:
    """A NewsArticle in one of the three shapes seen in the wild: plain, @graph, array."""
    authors = [{"@type": "Person", "name": name} for name in article.meta.get("authors") or []]
    news = {
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": _published(article).isoformat(),
        "dateModified": _published(article).isoformat(),
        "inLanguage": "en",
        "mainEntityOfPage": path,
        "publisher": {"@type": "Organization", "name": SITE},
    }
    if variant == 0:
        data: object = {"@context": "https://schema.org", **news, "author": authors}
    elif variant == 1:
        people = [{"@id": f"#author-{i}", **person} for i, person in enumerate(authors)]
        page = {"@type": "WebPage", "@id": path, "name": article.title}
        refs = [{"@id": p["@id"]} for p in people]
        data = {"@context": "https://schema.org", "@graph": [page, {**news, "author": refs}, *people]}
    else:
        crumbs = {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Markets"}]}
        data = [{"@context": "https://schema.org", **crumbs}, {"@context": "https://schema.org", **news, "author": authors}]
    # "</" inside a script element would end it early: escape the slash.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def _byline(names: list[str]) -> str:
    links = [f'<a rel="author" href="/authors/{escape(n.lower().replace(" ", "-"))}">{escape(n)}</a>' for n in names]
    if len(links) > 1:
        return ", ".join(links[:-1]) + " and " + links[-1]
    return links[0] if links else "Staff"


def _paragraphs(text: str) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in text.split("\n\n")]
    ad = '<div class="ad-slot ad-inline" aria-hidden="true"><span>Advertisement</span><a href="/ads/1">Trade crypto with zero fees today</a></div>'
    paras.insert(min(2, len(paras)), ad)  # an ad between paragraphs, as on most news sites
    return "\n      ".join(paras)


BOILERPLATE = {
    "cookie": "We use cookies to personalise content and ads and to analyse our traffic. Accept all cookies?",
    "newsletter": "Get the Blockwire Morning Brief: the day's crypto market moves in your inbox before the open.",
    "comments": [
        ("satoshi_fan88", "Told you all this would happen, diamond hands forever and never selling a single sat."),
        ("MoonBoy", "Great article but you forgot to mention my favourite memecoin, which is up tenfold this week."),
    ],
    "footer": f"© 2026 {SITE}. All rights reserved. Prices are for information only and not investment advice.",
}


def article_page(article: GoldArticle, path: str, related: list[tuple[str, str]], variant: int) -> str:
    """One article as a complete HTML page with site chrome around the story."""
    title, names = escape(article.title), list(article.meta.get("authors") or [])
    published = _published(article)
    first = escape(article.sentences[0].text if article.sentences else article.title)
    related_items = "\n".join(f'        <li><a href="{escape(p)}">{escape(t)}</a></li>' for p, t in related)
    comments = "\n".join(
        f'      <li class="comment"><span class="comment-author">{escape(who)}</span><p>{escape(said)}</p></li>'
        for who, said in BOILERPLATE["comments"]
    )
    meta_authors = "\n".join(f'  <meta property="article:author" content="{escape(n)}">' for n in names)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {SITE}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{first}">
  <meta name="author" content="{escape(", ".join(names))}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="{SITE}">
  <meta property="og:url" content="{escape(path)}">
  <meta property="og:locale" content="en_US">
  <meta property="article:published_time" content="{published.isoformat()}">
  <meta property="article:section" content="{escape(article.genre.replace("_", " ").title())}">
{meta_authors}
  <link rel="canonical" href="{escape(path)}">
  <link rel="alternate" type="application/rss+xml" title="{SITE}" href="/feed.xml">
  <script type="application/ld+json">
{json_ld(article, path, variant)}
  </script>
  <style>body{{font-family:Georgia,serif;max-width:46rem;margin:auto}} .ad-slot{{background:#eee}}</style>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent" role="dialog">
    <p>{BOILERPLATE["cookie"]}</p><button>Accept</button><button>Manage settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">{SITE}</a>
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/markets/">Markets</a></li><li><a href="/policy/">Policy</a></li>
      <li><a href="/defi/">DeFi</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="/newsletters/">Newsletters</a></li>
    </ul></nav>
  </header>
  <div class="ad-slot ad-leaderboard"><span>Advertisement</span></div>
  <main>
    <article class="story">
      <h1 class="headline">{title}</h1>
      <p class="byline">By {_byline(names)}</p>
      <time class="published" datetime="{published.isoformat()}">{published.strftime("%B %d, %Y %H:%M %Z")}</time>
      {_paragraphs(article.text)}
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
{related_items}
      </ul>
    </aside>
    <section class="newsletter-signup">
      <h2>Newsletter</h2><p>{BOILERPLATE["newsletter"]}</p>
      <form action="/subscribe"><input type="email" placeholder="you@example.com"><button>Sign up</button></form>
    </section>
    <section id="comments" class="comments">
      <h2>Comments ({len(BOILERPLATE["comments"])})</h2>
      <ol>
{comments}
      </ol>
    </section>
  </main>
  <footer class="site-footer"><p>{BOILERPLATE["footer"]}</p>
    <a href="/about/">About us</a> <a href="/privacy/">Privacy policy</a> <a href="/feed.xml">RSS</a>
  </footer>
</body>
</html>
"""


def broken_page() -> str:
    """A page that fetches fine but has no text: the demo's one-line failure."""
    return f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Maintenance | {SITE}</title></head><body></body></html>\n"


def index_page(entries: list[tuple[str, GoldArticle]]) -> str:
    """The site's front page: every article linked, plus the feed autodiscovery link ingest follows."""
    items = "\n".join(f'    <li><a href="{escape(p)}">{escape(a.title)}</a> <small>{escape(str(a.meta["published"]))}</small></li>' for p, a in entries)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{SITE}</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body>
  <h1>{SITE}</h1>
  <p>Demo news site rendered from the newsmine annotated corpus.</p>
  <ul>
{items}
    <li><a href="{BROKEN}">Page under maintenance</a></li>
  </ul>
</body>
</html>
"""


def feed(entries: list[tuple[str, GoldArticle]]) -> str:
    """RSS 2.0 with root-relative links (readers resolve them against the feed URL)."""
    items = [
        f"""  <item>
    <title>{escape(a.title)}</title>
    <link>{escape(p)}</link>
    <guid isPermaLink="false">{escape(a.id)}</guid>
    <pubDate>{format_datetime(_published(a))}</pubDate>
    <author>{escape(", ".join(a.meta.get("authors") or []))}</author>
  </item>"""
        for p, a in entries
    ]
    items.append(f"  <item>\n    <title>Page under maintenance</title>\n    <link>{BROKEN}</link>\n    <guid isPermaLink=\"false\">broken</guid>\n  </item>")
    body = "\n".join(items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>{SITE}</title>
  <link>/</link>
  <description>Crypto market news (newsmine demo site)</description>
  <language>en</language>
{body}
</channel>
</rss>
"""


def sitemap(paths: list[str]) -> str:
    """A plain urlset sitemap of the article pages, for ``ingest --sitemap``."""
    urls = "\n".join(f"  <url><loc>{escape(p)}</loc></url>" for p in paths)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n'


def render(out: Path, articles: list[GoldArticle]) -> list[str]:
    """Write the site into ``out`` (replacing earlier output); returns the page paths."""
    chosen = pick(articles)
    if not chosen:
        raise ValueError("the corpus has no articles to render")
    for name in GENERATED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    entries = [(path_of(a, private=(i == len(chosen) - 1)), a) for i, a in enumerate(chosen)]
    for i, (path, article) in enumerate(entries):
        related = [(p, a.title) for p, a in entries if a is not article][:3]
        _write(out, path, article_page(article, path, related, i % 3))
    _write(out, BROKEN, broken_page())
    _write(out, "/index.html", index_page(entries))
    _write(out, "/feed.xml", feed(entries))
    paths = [p for p, _ in entries] + [BROKEN]
    _write(out, "/sitemap.xml", sitemap(paths))
    _write(out, "/robots.txt", f"User-agent: *\nDisallow: {PRIVATE}\n")
    return paths


def _write(out: Path, path: str, text: str) -> None:
    target = out / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def main() -> None:
    """Regenerate ``corpora/demo-site`` from the annotated corpus."""
    root = default_root()
    paths = render(root / "demo-site", load(root))
    print(f"wrote {len(paths)} pages to {root / 'demo-site'}")


if __name__ == "__main__":
    main()
