"""The last step of `make pdf` (scripts/pdf.py): a printed PDF's bookmarks named once
and shown when it opens, written as an incremental update."""

from __future__ import annotations

import re
from pathlib import Path


def named_once(title: str) -> str:
    """Chromium names a bookmark twice ("TokenToken") when its heading starts a page in
    a CJK font."""
    half = len(title) // 2
    return title[:half] if len(title) >= 4 and len(title) % 2 == 0 and title[:half] == title[half:] else title


def finish_pdf(path: Path) -> None:
    """Bookmarks named once and shown when the PDF opens. Written as an incremental
    update (the changed objects appended), which takes a fraction of a second where
    rewriting the whole file took seconds."""
    from pypdf import PdfReader
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(path)
    root_ref = reader.trailer.raw_get("/Root")
    root = root_ref.get_object()
    changed = {root_ref.idnum: root}
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    outlines = root.get("/Outlines")
    stack = [outlines.get_object().raw_get("/First")] if outlines else []
    while stack:
        reference = stack.pop()
        if reference is None:
            continue
        item = reference.get_object()
        title = str(item.get("/Title", ""))
        if named_once(title) != title:
            item[NameObject("/Title")] = TextStringObject(named_once(title))
            changed[reference.idnum] = item
        stack += [item.raw_get("/Next") if "/Next" in item else None,
                  item.raw_get("/First") if "/First" in item else None]
    _append_update(path, reader, changed)


def _append_update(path: Path, reader, changed: dict) -> None:
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    data = path.read_bytes()
    previous = int(re.findall(rb"startxref\s+(\d+)", data[-1024:])[-1])
    with path.open("ab") as out:
        offsets = {}
        out.write(b"\n")
        for number, obj in sorted(changed.items()):
            offsets[number] = out.tell()
            out.write(f"{number} 0 obj\n".encode())
            obj.write_to_stream(out)
            out.write(b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n")
        for number, offset in offsets.items():
            out.write(f"{number} 1\n{offset:010d} 00000 n \n".encode())
        trailer = DictionaryObject({NameObject("/Size"): NumberObject(reader.trailer["/Size"]),
                                    NameObject("/Root"): reader.trailer.raw_get("/Root"),
                                    NameObject("/Prev"): NumberObject(previous)})
        if "/Info" in reader.trailer:
            trailer[NameObject("/Info")] = reader.trailer.raw_get("/Info")
        out.write(b"trailer\n")
        trailer.write_to_stream(out)
        out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
