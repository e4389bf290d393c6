"""Emoji shortcodes drawn without any request: no image from a public CDN.

Material's icons (:material-...:, :octicons-...:) are inlined as SVG by Material's own
generator; every other emoji (:warning:, :smile:) becomes its Unicode character, which the
reader's system font draws. pymdownx's twemoji generator would load each one from a CDN.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from material.extensions.emoji import to_svg as material_to_svg


def offline_emoji(index, shortname, alias, uc, alt, title, category, options, md):
    if not uc:  # one of Material's icons, shipped with the theme
        return material_to_svg(index, shortname, alias, uc, alt, title, category, options, md)
    element = Element("span", {"class": "emoji", "role": "img", "aria-label": shortname.strip(":")})
    element.text = alt
    return element
