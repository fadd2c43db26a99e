"""URL judgement: safe schemes, affiliate and redirect shapes, unwrapping redirects to their destination."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from ..text import remember

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")

_CONTROL = re.compile(r"[\x00-\x20\x7f]+")

_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _plain_url(url: str) -> str:
    """The URL as a browser would read it: entities decoded, escapes and controls gone."""
    u = html.unescape(url)
    u = _MD_ESCAPE.sub(r"\1", u)
    return _CONTROL.sub("", u)


def url_is_safe(url: str, ctx) -> bool:
    """Only whitelisted schemes (or none), and no unsafe scheme hidden further in the URL
    (`https://site/javascript:void(0)`, left by scrapers resolving `href`s)."""
    return _memo_url(ctx.url_verdicts, ("safe", url), _url_is_safe, url, ctx)


def url_is_affiliate(url: str, ctx) -> bool:
    """The URL goes to an affiliate host, or has an affiliate part (`AFFILIATE=`)."""
    return _memo_url(ctx.url_verdicts, ("affiliate", url), _url_is_affiliate, url, ctx)


def _memo_url(memo: dict, key: tuple, fn, url: str, ctx) -> bool:
    """fn(url, ctx), memoised: spun copies and their variants repeat the same URLs."""
    hit = memo.get(key)
    if hit is None:
        hit = remember(memo, key, fn(url, ctx), ctx.MEMO_LIMIT)
    return hit


def _host_params(pairs) -> dict[str, frozenset[str]]:
    """Rules' "host=parameter" pairs as host -> parameter names (lowercased)."""
    out: dict[str, set[str]] = {}
    for pair in pairs:
        host, _, param = pair.partition("=")
        out.setdefault(host.strip().lower(), set()).add(param.strip().lower())
    return {h: frozenset(p) for h, p in out.items()}


def unwrapped(url: str, ctx) -> str | None:
    """The destination an affiliate rewriting of a link hides, when it can be had back: the
    parameter of a redirect that carries it (an absolute web URL; a redirect may lead to
    another), or the shop's page without an affiliate's tag parameters (rules
    [affiliate_redirects], [affiliate_tags]); None for any other URL. The result is to be
    checked like any URL."""
    real = None
    for _ in range(4):
        found = _unwrap_once(url, ctx)
        if found is None:
            return real
        real = url = found
    return real


def _unwrap_once(url: str, ctx) -> str | None:
    if "?" not in url:
        return None
    plain = _plain_url(url)
    try:
        parts = urlsplit(plain)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    for domain in _domains(host):
        if domain in ctx.redirect_params:
            for key, value in parse_qsl(parts.query, keep_blank_values=True):
                value = value.strip()
                # (a web URL, and nothing a link could not hold: `%0A# heading` is no URL)
                if key.lower() in ctx.redirect_params[domain] and value.lower().startswith(("http://", "https://")):
                    return None if _CONTROL.search(value) else value
            return None
        if domain in ctx.tag_params:
            # (parameters split at `&`, and at a `?` that a scrape doubled: `?th=1/?tag=x-20`)
            items = re.split(r"([&?])", parts.query)
            kept, cut = [], False
            for k in range(0, len(items), 2):
                if items[k].partition("=")[0].lower() in ctx.tag_params[domain]:
                    cut = True
                else:
                    kept += [items[k - 1] if k else "", items[k]]
            if not cut:
                return None
            return urlunsplit(parts._replace(query="".join(kept).lstrip("&?")))
    # any other host: a parameter of the redirect shape holding a whole web address
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        value = value.strip()
        if key.lower() in ctx.any_redirect_params and value.lower().startswith(("http://", "https://")):
            return None if _CONTROL.search(value) else value
    return None


def _url_is_safe(url: str, ctx) -> bool:
    plain = _plain_url(url)
    m = _SCHEME.match(plain)
    if m is not None and m.group(1).lower() not in ctx.schemes:
        return False
    return ctx.unsafe_tokens.search(plain) is None


def _url_is_affiliate(url: str, ctx) -> bool:
    u = _plain_url(url)
    low = u.lower()
    # (a key's `_` percent-encoded too: `?aff%5Fclick%5Fid=`, `&aff%5Fid=` are `?aff_click_id=`, `&aff_id=`;
    # only `%5f`: decoding the whole address would make `?`, `&`, `=` of a value's `%3F`, `%26`, `%3D`)
    if any(p in low for p in ctx.url_parts) or ("%5f" in low and any(p in low.replace("%5f", "_") for p in ctx.url_parts)):
        return True
    if low.startswith("//"):
        low = "http:" + low
    try:
        parts = urlsplit(low)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return False
    return ctx.redirects.redirect_host(host, parts.path)


@dataclass(frozen=True)
class Redirects:
    """The rules' [affiliate_hosts] hosts, host_shapes and path_shapes, compiled: what the
    address of an affiliate redirect looks like (the cleaner's test, its url_parts aside, and
    the test of Products.linked)."""
    hosts: frozenset[str]
    host_shapes: re.Pattern
    path_shapes: re.Pattern

    @classmethod
    def of(cls, rules) -> "Redirects":
        g = rules.get
        return cls(frozenset(h.lower() for h in g("affiliate_hosts", "hosts")),
                   re.compile("|".join(f"(?:{p})" for p in g("affiliate_hosts", "host_shapes")), re.I),
                   re.compile("|".join(f"(?:{p})" for p in g("affiliate_hosts", "path_shapes")), re.I))

    def redirect_host(self, host: str, path: str) -> bool:
        """Whether a link to host (lower case, without port or trailing dot) and path goes
        through a redirect: the host or a domain above it is listed, or the host or the path
        has a redirect's shape (the listed hosts are seeds). A link without a host (relative)
        stays on its page's site."""
        if any(d in self.hosts for d in _domains(host)):
            return True
        return bool(host) and (self.host_shapes.search(host) is not None or self.path_shapes.search(path) is not None)


def _domains(host: str) -> list[str]:
    """The host and every domain above it: `a.b.com`, `b.com`, `com`."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def _md_url(url: str) -> str:
    url = url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return url.replace("<", "%3C").replace(">", "%3E").replace("`", "%60")
