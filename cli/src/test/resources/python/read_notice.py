"""Reads warning notices (.docx) with python-docx, an independent reader: prints for each file one
JSON line with the paragraphs' texts, the letterhead's colour and size, the body's font and size,
the page size and margins (in mm) and the document properties."""
import json
import sys

import docx

for path in sys.argv[1:]:
    d = docx.Document(path)
    paras = [p.text for p in d.paragraphs]
    mark = d.paragraphs[0].runs[0]
    body = next(p for p in d.paragraphs if p.text.startswith("根据") or p.text.startswith("In the"))
    s = d.sections[0]
    cp = d.core_properties
    print(json.dumps({
        "file": path,
        "paragraphs": paras,
        "mark_colour": str(mark.font.color.rgb),
        "mark_pt": mark.font.size.pt,
        "body_font": body.runs[0].font.name,
        "body_pt": body.runs[0].font.size.pt,
        "page_mm": [round(s.page_width.mm), round(s.page_height.mm)],
        "margins_mm": [round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)],
        "title": cp.title, "identifier": cp.identifier, "subject": cp.subject,
        "created": cp.created.isoformat() if cp.created else None,
        "footer": "".join(p.text for p in s.footer.paragraphs),
    }, ensure_ascii=False))
