"""Article metadata from the places publishers put it, most reliable first.

Order of trust: JSON-LD (an article object, also inside ``@graph`` or arrays),
then OpenGraph/``article:*`` meta, then the other meta conventions (``author``,
``parsely-*``, ``dc.*``, ``sailthru.*``), then the visible page (``<time
datetime>``, a "By Jane Doe and John Roe" byline, ``<h1>``, ``<title>``). The
first source that has a field wins; nothing is guessed beyond what is given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from newsmine.extract.clean import clean_line
from newsmine.extract.dates import to_iso

ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "Report", "TechArticle"}
MAX_SCAN = 3000  # elements looked at for a visible byline: bounded work on huge pages

# meta name/property -> field, in order of preference within the meta tier.
_META = {
    "title": ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "dcterms.title"),
    "authors": ("article:author", "author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "og:article:author"),
    "published": ("article:published_time", "og:article:published_time", "parsely-pub-date",
                  "sailthru.date", "dc.date", "dcterms.created", "dc.date.issued", "date", "pubdate",
                  "publish-date", "datepublished"),
    "modified": ("article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified",
                 "last-modified", "datemodified"),
    "site": ("og:site_name", "application-name", "parsely-section-site"),
    "lang": ("og:locale", "content-language", "dc.language", "language"),
    "canonical": ("og:url", "parsely-link"),
}
_BYLINE = re.compile(r"^\s*(?:written\s+)?by[:\s]\s*(.+)$", re.IGNORECASE | re.DOTALL)
_SPLIT_AUTHORS = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\be\b|\by\b|\|)\s*")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    site: str | None = None
    canonical_url: str | None = None
    lang: str | None = None


def extract_metadata(tree: lxml_html.HtmlElement, url: str | None) -> Metadata:
    """Everything but the body text, from one parsed page."""
    meta = _meta_tags(tree)
    ld = _json_ld_article(tree)
    out = Metadata()
    out.title = _first(_text(ld.get("headline")), _text(ld.get("name")), *meta_values(meta, "title"),
                       _h1(tree), _title_tag(tree))
    out.site = _first(*meta_values(meta, "site"), _name_of(ld.get("publisher")))
    out.title = _strip_site_suffix(out.title, out.site)
    out.authors = (_people(ld.get("author"), ld.get("_graph"))
                   or _names(v for v in meta_values(meta, "authors") if not _is_url(v))
                   or _visible_byline(tree))
    out.published = _first(_text(ld.get("datePublished")), _text(ld.get("dateCreated")),
                                *meta_values(meta, "published"), *_time_elements(tree, "published"), read=to_iso)
    out.modified = _first(_text(ld.get("dateModified")), *meta_values(meta, "modified"),
                               *_time_elements(tree, "modified"), read=to_iso)
    out.canonical_url = _canonical(tree, meta, ld, url)
    out.lang = _language(tree, meta, ld)
    return out


def meta_values(meta: dict[str, list[str]], key: str) -> list[str]:
    """Every value of the meta tags that may carry ``key``, most preferred tag first."""
    return [v for name in _META[key] for v in meta.get(name, [])]


def _first(*values: str | None, read: Callable[[str | None], str | None] = clean_line) -> str | None:
    """The first value that ``read`` turns into something (sources come best first)."""
    for value in values:
        found = read(value)
        if found:
            return found
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return str(value) if isinstance(value, (str, int, float)) else None


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased name/property/itemprop/http-equiv, in page order."""
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (el.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, []).append(content)
    return found


def _json_ld_article(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first article-typed JSON-LD object (searching arrays and ``@graph``)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads((script.text or "").strip(), strict=False)
        except ValueError:
            continue
        graph = data.get("@graph") if isinstance(data, dict) else None
        for obj in _walk(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in ARTICLE_TYPES for t in types if isinstance(t, str)):
                return {**obj, "_graph": graph if isinstance(graph, list) else []}
    return {}


def _walk(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Objects of a JSON-LD document, breadth first, down to a small depth."""
    if depth > 4:
        return []
    if isinstance(data, list):
        return [o for item in data[:200] for o in _walk(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    return [data, *_walk(data.get("@graph"), depth + 1), *_walk(data.get("mainEntity"), depth + 1)]


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _people(value: Any, graph: list[Any] | None) -> list[str]:
    """Author names from JSON-LD: strings, Person objects, lists, or ``@id`` references."""
    items = value if isinstance(value, list) else [value] if value else []
    by_id = {o.get("@id"): o for o in graph or [] if isinstance(o, dict) and o.get("@id")}
    names = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in by_id:
            item = by_id[item["@id"]]
        name = _name_of(item)
        if name and not _is_url(name):
            names.append(name)
    return _names(names)


def _names(values: Any) -> list[str]:
    """Split "Jane Doe and John Roe" style strings into clean, unique names."""
    out: list[str] = []
    for value in values:
        value = clean_line(value) or ""
        match = _BYLINE.match(value)
        value = match.group(1) if match else value
        for part in _SPLIT_AUTHORS.split(value):
            name = clean_line(part.strip(" .;:-"))
            if name and _looks_like_name(name) and name.lower() not in {n.lower() for n in out}:
                out.append(name)
    return out


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and len(text) <= 60 and not any(ch.isdigit() for ch in text) and text[0].isupper()


def _is_url(value: str) -> bool:
    return value.strip().lower().startswith(("http://", "https://", "//", "www."))


def _visible_byline(tree: lxml_html.HtmlElement) -> list[str]:
    """Authors from byline markup (rel/itemprop/class "author"/"byline") or "By ..." text."""
    for i, el in enumerate(tree.iter()):
        if i > MAX_SCAN:
            break
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link"):
            continue
        marks = " ".join((el.get(a) or "") for a in ("class", "id", "rel", "itemprop")).lower()
        if "comment" in marks:
            continue  # commenters are not the article's authors
        text = " ".join(el.text_content().split()) if ("byline" in marks or "author" in marks) else ""
        if not text and el.tag in ("p", "span", "div", "address") and el.text and _BYLINE.match(el.text):
            text = " ".join(el.text_content().split())
        if text and len(text) <= 120:
            names = _names([text])
            if names:
                return names
    return []


def _time_elements(tree: lxml_html.HtmlElement, which: str) -> list[str]:
    """``datetime`` of ``<time>`` elements: marked ones first, then the first plain one."""
    marked, plain = [], []
    for el in tree.iter("time"):
        value = el.get("datetime")
        if not value:
            continue
        marks = " ".join((el.get(a) or "") for a in ("itemprop", "class", "pubdate")).lower()
        if which == "published" and ("published" in marks or "pubdate" in el.attrib):
            marked.append(value)
        elif which == "modified" and ("modified" in marks or "updated" in marks):
            marked.append(value)
        elif not any(w in marks for w in ("modified", "updated")):
            plain.append(value)
    return marked + (plain[:1] if which == "published" else [])


def _h1(tree: lxml_html.HtmlElement) -> str | None:
    for el in tree.iter("h1"):
        return el.text_content()
    return None


def _title_tag(tree: lxml_html.HtmlElement) -> str | None:
    for el in tree.iter("title"):
        return el.text_content()
    return None


def _strip_site_suffix(title: str | None, site: str | None) -> str | None:
    """"Headline | Site" -> "Headline" when the suffix is the known site name."""
    if title and site:
        for sep in (" | ", " - ", " — ", " – ", " :: "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip() or title
    return title


def _canonical(tree: lxml_html.HtmlElement, meta: dict[str, list[str]], ld: dict[str, Any], url: str | None) -> str | None:
    candidates = [el.get("href") for el in tree.iter("link") if "canonical" in (el.get("rel") or "").lower().split()]
    candidates += meta_values(meta, "canonical")
    entity = ld.get("mainEntityOfPage")
    candidates += [_text(ld.get("url")), entity.get("@id") if isinstance(entity, dict) else _text(entity)]
    for href in candidates:
        href = clean_line(href)
        if not href:
            continue
        absolute = urljoin(url, href) if url else href
        if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).netloc:
            return absolute
    return None


def _language(tree: lxml_html.HtmlElement, meta: dict[str, list[str]], ld: dict[str, Any]) -> str | None:
    """The primary language subtag ("en"), from ``<html lang>``, meta or JSON-LD."""
    root = tree.getroottree().getroot()
    for value in (root.get("lang"), root.get("xml:lang"), *meta_values(meta, "lang"), _text(ld.get("inLanguage"))):
        value = (value or "").strip()
        if _LANG.match(value):
            return re.split(r"[-_]", value)[0].lower()
    return None
