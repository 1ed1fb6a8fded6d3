"""The enforcement body itself: a unified social credit code that is one.

The code is published on the site and goes into the 双公示 行政处罚 data as the code of the
处罚机关 and of the 数据来源单位 (render/open_data.py): a typo there would send every record of
the county to the credit platform under another body's code.
"""

from __future__ import annotations

from stdnum.cn import uscc

from ..codes import finding


def check_subject(county) -> list:
    doc = county.documents.get("subject")
    if doc is None or not isinstance(doc.data, dict):
        return []
    code = doc.data.get("credit_code")
    if isinstance(code, str) and not uscc.is_valid(code):
        return [finding("E-SUBJECT-CREDIT-CODE", doc.display, doc.line_of(("credit_code",)), value=code)]
    return []
