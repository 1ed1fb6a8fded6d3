"""The public view's redaction: markers, field policies, and what it reports."""

from generator.privacy.redaction import COMMERCIAL_SECRET_NOTICE, redact, redact_text

ID = "11010519491231002X"


def test_marked_passage_is_replaced_and_text_after_it_kept():
    text, events = redact_text("甲【商业秘密】进价35.6元【/商业秘密】乙")
    assert text == f"甲{COMMERCIAL_SECRET_NOTICE}乙"
    assert [(e.kind, e.original) for e in events] == [("commercial_secret", "进价35.6元")]


def test_unclosed_marker_withholds_the_rest():
    text, events = redact_text("公开部分【商业秘密】返利比例百分之十二，后面也不公开")
    assert text == f"公开部分{COMMERCIAL_SECRET_NOTICE}"
    assert events[0].kind == "open_marker"


def test_find_after_a_marker_reports_its_place_in_the_clerks_text():
    original = "【商业秘密】甲【/商业秘密】\n第二行 13912345678"
    _, events = redact_text(original)
    mobile = [e for e in events if e.kind == "mobile"][0]
    assert original[mobile.offset:mobile.offset + 11] == "13912345678"


def test_markdown_masks_keep_their_asterisks():
    assert redact_text("邮箱 li.si@example.org", markdown=True)[0] == "邮箱 l\\*\\*\\*@example.org"


def test_dropped_fields_leave_no_trace_and_are_withheld():
    officers = {"officers": [{"id": "a", "name": "张三", "certificate_no": "1234", "issuer": "某局",
                              "valid_from": "2024-01-01", "valid_until": "2030-01-01", "status": "有效",
                              "domain": "医保", "mobile": "13712345678", "id_number": ID}]}
    result = redact(officers, "officers.schema.json")
    assert "mobile" not in result.data["officers"][0] and "id_number" not in result.data["officers"][0]
    assert result.withheld() == {"13712345678": ("officers", 0, "mobile"), ID: ("officers", 0, "id_number")}


def test_classified_items_are_left_out_and_flags_never_published():
    documents = {"documents": [{"id": "a", "title": "公开文件", "category": "其他"},
                               {"id": "b", "title": "涉密", "category": "其他", "classified": True},
                               {"id": "c", "title": "合同", "category": "其他", "note": "单价每盒35元",
                                "commercial_secrets": ["note"]}]}
    data = redact(documents, "documents.schema.json").data
    assert [d["id"] for d in data["documents"]] == ["a", "c"]
    assert data["documents"][1] == {"id": "c", "title": "合同", "category": "其他", "note": COMMERCIAL_SECRET_NOTICE}


def test_a_bureau_mobile_in_a_contact_field_is_public_but_an_id_there_is_not():
    config = {"site_name": "x", "extra": {"footer": {"sponsor": "某局", "contact": f"举报 13698765432 {ID}"}}}
    result = redact(config, "site-config.schema.json")
    assert result.data["extra"]["footer"]["contact"] == "举报 13698765432 110105********002X"
    assert result.allowed == {"13698765432"}
