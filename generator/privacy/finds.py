"""What a detector reports: one piece of personal data, where it was typed and how it is masked."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds recognised for certain: a checksum, a format nobody else uses, or a label in front.
CERTAIN_LABELS = {"id_card": "身份证号", "mobile": "手机号", "bank_card": "银行卡号", "email": "电子邮箱",
                  "insurance_card": "医保卡号或社保卡号"}
# Kinds recognised by the words around them (free_text.py): right most of the time, not always,
# so a clerk can mark a reviewed false positive in the record (`not_personal_data`).
FREE_TEXT_LABELS = {"address": "个人住址", "health": "健康信息", "person_name": "其他自然人的姓名"}
KIND_LABELS = {**CERTAIN_LABELS, **FREE_TEXT_LABELS}


@dataclass(frozen=True)
class Find:
    kind: str      # a key of KIND_LABELS
    start: int     # where it was typed
    end: int
    masked: str
    value: str = ""   # what it is, however it was typed: the digits of a number, an address as written plainly

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]
