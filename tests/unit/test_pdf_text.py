"""What gongshi reads out of a PDF is what a search for a name or a case number expects."""

from generator.load.pdf_file import read_pdf_text
from tests.pdfs import make_chinese_pdf


def test_compatibility_characters_from_cjk_fonts_read_as_the_characters_they_stand_for():
    # Chromium with Noto CJK writes 示 as ⽰ (KANGXI RADICAL SPIRIT) in the text layer
    text = read_pdf_text(make_chinese_pdf(["\u2f70医保罚〔2026〕2号"])).pages[0]
    assert "示医保罚〔2026〕2号" in text


def test_long_lines_wrap_but_read_back_whole():
    text = read_pdf_text(make_chinese_pdf(["当事人" * 20], width=10)).pages[0]
    assert text.replace("\n", "") == "当事人" * 20
