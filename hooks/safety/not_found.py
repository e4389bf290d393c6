"""The 404 page: in the reader's language, and working at any depth under any sub-path.

A server shows 404.html at the address that was not found (nginx `error_page`), so
neither root-absolute URLs (what MkDocs writes with an empty site_url) nor URLs relative
to 404.html's own folder would work. The page is rendered with URLs relative to its
language's root ('.' for Chinese, '..' for English), and a small script at the top of
<head> finds the site's root, the nearest folder above the address that holds the site's
own script, and sets <base> to it before any stylesheet or link is read. A Chinese 404
shown for an address under en/ hands over to en/404.html. The texts are in core/words.py.
"""

from __future__ import annotations

import json
import re
from html import escape

from core.words import word

TEMPLATE = "404.html"

_FIND_ROOT = """<script>(function(){
var marker=%(marker)s,prefix=%(prefix)s,parts=location.pathname.split("/");parts.pop();
function has(dir){try{var x=new XMLHttpRequest();x.open("HEAD",dir+marker,false);x.send();
return x.status===200&&/javascript/.test(x.getResponseHeader("Content-Type")||"")}catch(e){return false}}
for(var n=parts.length;n>0;n--){var dir=parts.slice(0,n).join("/")+"/";if(has(dir)){
var base=document.createElement("base");base.href=dir+prefix;document.head.appendChild(base);
if(!prefix&&location.pathname.indexOf(dir+"en/")===0)location.replace(dir+"en/404.html");return}}
})()</script>"""
# Material resolves its config's `base` (search index, links) against location, not <base>.
_REBASE = ('<script>(function(c){var j=JSON.parse(c.textContent);j.base=document.baseURI;'
           'c.textContent=JSON.stringify(j)})(document.getElementById("__config"))</script>')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.DOTALL)
_SCOPE = re.compile(r'__md_scope=new URL\(("[^"]*"),location\)')


def base_url(lang: str, default_lang: str) -> str:
    """What MkDocs' `base_url` is on the 404 page: the language's root, relative."""
    return "." if lang == default_lang else ".."


def body_html(lang: str) -> str:
    """The page's text, with its links relative to the language's root."""
    return (f'<h1>{escape(word(lang, "not_found.title"))}</h1>'
            f'<p>{escape(word(lang, "not_found.text"))}</p>'
            f'<p>{escape(word(lang, "not_found.search"))}</p>'
            f'<ul class="not-found__links"><li><a href="./">{escape(word(lang, "not_found.home"))}</a></li>'
            f'<li><a href="glossary/">{escape(word(lang, "not_found.glossary"))}</a></li></ul>')


def position_independent(output: str, lang: str, default_lang: str, marker: str) -> str:
    """The rendered 404 page, made to find its root wherever the server shows it.

    `marker` is a script only this site's root has: the first of mkdocs.yml's extra_javascript."""
    prefix = "" if lang == default_lang else f"{lang}/"
    finder = _FIND_ROOT % {"marker": json.dumps(marker), "prefix": json.dumps(prefix)}
    output = output.replace("<head>", "<head>" + finder.replace("\n", ""), 1)
    output = _SCOPE.sub(lambda m: f"__md_scope=new URL({m.group(1)},document.baseURI)", output, count=1)
    return _CONFIG.sub(lambda m: m.group(1) + _REBASE, output, count=1)
